/**
 * Go's time package subset in @capstan/gotime: Format layouts, Duration String/ParseDuration/Round,
 * Date normalisation and AddDate, zones from the system zoneinfo (including the POSIX rules past the
 * last transition). Every expectation below was produced by Go 1.23's time package on the same inputs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Time, UTC, date, durationRound, durationString, format, intlLocation, loadLocation, parseDuration, timeString,
  unixTime,
} from '@capstan/gotime';

/** [zone, unix seconds, nanoseconds, layout, Go's t.In(zone).Format(layout) or "LOCERR <LoadLocation error>"] */
const FORMAT: readonly [string, number, number, string, string][] = [
  ["Etc/GMT+5", 1, 123456789, "3:04PM", "7:00PM"],
  ["Etc/GMT+5", -1, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "1969-12-31 18:59:59.000000005 -0500 -05 Wednesday 365"],
  ["Etc/GMT+5", -62167219200, 123456789, ".000 ,999 .9 .0 .99999999999", ".123 ,123 .1 .1 .123456789"],
  ["Etc/GMT+5", 1234567890, 1, "3:04PM", "6:31PM"],
  ["Antarctica/Troll", 1700000000, 0, "", ""],
  ["Asia/Kolkata", 7258118400, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2200-01-01 05:30:00.000000005 +0530 IST Wednesday 001"],
  ["Asia/Kolkata", 1234567890, 123456789, "Mon Jan _2 15:04:05 MST 2006", "Sat Feb 14 05:01:30 IST 2009"],
  ["Asia/Kolkata", 1234567890, 120000000, "2006-01-02T15:04:05.999999999Z07:00", "2009-02-14T05:01:30.12+05:30"],
  ["Antarctica/Troll", 4102444800, 0, "MSTX", "+00X"],
  ["Etc/GMT+5", -1, 0, "MSTX", "-05X"],
  ["Australia/Lord_Howe", 1902484800, 0, "2006-01-02 15:04:05 -0700 MST", "2030-04-15 22:30:00 +1030 +1030"],
  ["Europe/London", 1730595600, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2024-11-03 01:00:00.000000005 +0000 GMT Sunday 308"],
  ["Asia/Kolkata", -2208988800, 1, "2006-01-02 15:04:05.999999999 -0700 MST", "1900-01-01 05:21:10.000000001 +0521 MMT"],
  ["America/New_York", 2147483647, 999999999, "Z07 Z0700 Z070000 Z07:00:00 -07 -070000 -07:00:00", "-05 -0500 -050000 -05:00:00 -05 -050000 -05:00:00"],
  ["Etc/GMT+5", 0, 1, "Mon Jan _2 15:04:05 MST 2006", "Wed Dec 31 19:00:00 -05 1969"],
  ["Africa/Casablanca", -62135596800, 1, "Monday, 02-Jan-06 15:04:05 MST", "Sunday, 31-Dec-00 23:29:40 LMT"],
  ["Europe/Berlin", 1730595600, 0, "", ""],
  ["America/New_York", 1711846800, 123456789, "15:04:05", "21:00:00"],
  ["Europe/Dublin", 2147483647, 1, ".000 ,999 .9 .0 .99999999999", ".000   .0 .000000001"],
  ["America/Sao_Paulo", 3467275200, 0, "2006-01-02 15:04:05 -0700 MST", "2079-11-15 09:00:00 -0300 -03"],
  ["Europe/Dublin", 1907755200, 0, "2006-01-02 15:04:05 -0700 MST", "2030-06-15 13:00:00 +0100 IST"],
  ["Asia/Tokyo", 1000000000, 123456789, "Mon Jan _2 15:04:05 2006", "Sun Sep  9 10:46:40 2001"],
  ["Africa/Casablanca", -2208988800, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "1899-12-31 23:29:40.000000005 -0030 LMT Sunday 365"],
  ["America/St_Johns", 4000000000, 120000000, "hello", "hello"],
  ["Etc/GMT+5", 1700000000, 0, "Jan _2 15:04:05.000000", "Nov 14 17:13:20.000000"],
  ["America/New_York", 2583662400, 0, "2006-01-02 15:04:05 -0700 MST", "2051-11-15 07:00:00 -0500 EST"],
  ["Asia/Tokyo", 1698541200, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2023-10-29 10:00:00.000000005 +0900 JST Sunday 302"],
  ["Africa/Casablanca", 2342952000, 0, "2006-01-02 15:04:05 -0700 MST", "2044-03-30 13:00:00 +0100 +01"],
  ["Australia/Lord_Howe", -1, 1, "Monday, 02-Jan-06 15:04:05 MST", "Thursday, 01-Jan-70 09:59:59 AEST"],
  ["America/New_York", -62167219200, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "-0001-12-31 19:03:58.000000005 -0456 LMT Friday 365"],
  ["UTC", 1709634030, 123456789, "2006-01-02", "2024-03-05"],
  ["Europe/Dublin", 1000000000, 999999999, "2006-01-02", "2001-09-09"],
  ["Asia/Tokyo", 0, 0, "_2006 2006_2", "_1970 1970 1"],
  ["Asia/Tokyo", 7258118400, 0, "January Monday Jan Mon Janx Monx", "January Wednesday Jan Wed Janx Monx"],
  ["UTC", 2147483648, 120000000, "MSTX", "UTCX"],
  ["Asia/Kolkata", 1711846800, 120000000, "Mon Jan _2 15:04:05 MST 2006", "Sun Mar 31 06:30:00 IST 2024"],
  ["America/Sao_Paulo", 1, 999999999, "January Monday Jan Mon Janx Monx", "December Wednesday Dec Wed Janx Monx"],
  ["EST5EDT", 1000000000, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2001-09-08 21:46:40.000000005 -0400 EDT Saturday 251"],
  ["UTC", 253402300799, 999999999, "hello", "hello"],
  ["Etc/GMT+5", 7258118400, 0, "pm PM 3 03 4 04 5 05", "pm PM 7 07 0 00 0 00"],
  ["Africa/Casablanca", 1709634030, 999999999, "05.000.000", "30.999.999"],
  ["Etc/GMT+5", 1730595600, 999999999, "2006-01-02T15:04:05Z07:00", "2024-11-02T20:00:00-05:00"],
  ["Asia/Kolkata", -62135596800, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "0001-01-01 05:53:28.000000005 +0553 LMT Monday 001"],
  ["Asia/Kolkata", 2147483648, 120000000, "3:04PM", "8:44AM"],
  ["Europe/Dublin", 0, 123456789, "Mon Jan _2 15:04:05 MST 2006", "Thu Jan  1 01:00:00 IST 1970"],
  ["America/Sao_Paulo", 1711850400, 0, "Jan _2 15:04:05.000000", "Mar 30 23:00:00.000000"],
  ["America/Sao_Paulo", 2128680000, 0, "2006-01-02 15:04:05 -0700 MST", "2037-06-15 09:00:00 -0300 -03"],
  ["Africa/Casablanca", 4000000000, 1, "2006-01-02T15:04:05Z07:00", "2096-10-02T08:06:40+01:00"],
  ["Antarctica/Troll", 1711846800, 123456789, "pm PM 3 03 4 04 5 05", "am AM 3 03 0 00 0 00"],
  ["UTC", 1730595600, 999999999, "Mon Jan _2 15:04:05 2006", "Sun Nov  3 01:00:00 2024"],
  ["America/New_York", 2801908800, 0, "2006-01-02 15:04:05 -0700 MST", "2058-10-15 08:00:00 -0400 EDT"],
  ["America/New_York", 1234567890, 120000000, "3:04PM", "6:31PM"],
  ["Etc/GMT+5", 1711850400, 123456789, "01/02 03:04:05PM '06 -0700", "03/30 09:00:00PM '24 -0500"],
  ["Europe/Berlin", 2570443200, 0, "2006-01-02 15:04:05 -0700 MST", "2051-06-15 14:00:00 +0200 CEST"],
  ["Pacific/Chatham", 253402300799, 123456789, "Z07 Z0700 Z070000 Z07:00:00 -07 -070000 -07:00:00", "+13 +1345 +134500 +13:45:00 +13 +134500 +13:45:00"],
  ["EST5EDT", -62135596800, 120000000, "2006-01-02 15:04:05.999999999 -0700 MST", "0000-12-31 19:00:00.12 -0500 EST"],
  ["Pacific/Chatham", 0, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "1970-01-01 12:45:00.000000005 +1245 +1245 Thursday 001"],
  ["America/New_York", 1700000000, 999999999, "02 Jan 06 15:04 MST", "14 Nov 23 17:13 EST"],
  ["Europe/Berlin", 3906446400, 0, "2006-01-02 15:04:05 -0700 MST", "2093-10-15 14:00:00 +0200 CEST"],
  ["America/Sao_Paulo", -62135596800, 999999999, "Month", "Month"],
  ["Africa/Casablanca", 7258118400, 1, "January Monday Jan Mon Janx Monx", "January Wednesday Jan Wed Janx Monx"],
  ["America/Sao_Paulo", 0, 120000000, "02 Jan 06 15:04 MST", "31 Dec 69 21:00 -03"],
  ["Europe/Dublin", 1730595600, 1, "2006-01-02T15:04:05Z07:00", "2024-11-03T01:00:00Z"],
  ["Pacific/Chatham", 4000000000, 123456789, "05.000.000", "40.123.123"],
  ["UTC", 2147483647, 1, "hello", "hello"],
  ["Asia/Tokyo", 4102444800, 123456789, "05.000.000", "00.123.123"],
  ["EST5EDT", 1700000000, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2023-11-14 17:13:20.000000005 -0500 EST Tuesday 318"],
  ["America/New_York", 4102444800, 0, "Month", "Month"],
  ["America/St_Johns", 253402300799, 1, "Month", "Month"],
  ["America/New_York", 253402300799, 120000000, "Month", "Month"],
  ["Pacific/Chatham", 1000000000, 120000000, "Month", "Month"],
  ["America/St_Johns", 1234567890, 0, "__2 002 _2 2", " 44 044 13 13"],
  ["Asia/Tokyo", 1711850400, 999999999, "hello", "hello"],
  ["UTC", 0, 1, "15:04:05", "00:00:00"],
  ["Africa/Casablanca", 3220084800, 0, "2006-01-02 15:04:05 -0700 MST", "2072-01-15 13:00:00 +0100 +01"],
  ["UTC", -2208988800, 0, "2006-01-02T15:04:05Z07:00", "1900-01-01T00:00:00Z"],
  ["Asia/Kolkata", 1700000000, 0, "hello", "hello"],
  ["Asia/Kolkata", 1234567890, 1, "_2006 2006_2", "_2009 200914"],
  ["Asia/Tokyo", -62135596800, 1, "2006-01-02", "0001-01-01"],
  ["Etc/GMT+5", 0, 0, "hello", "hello"],
  ["America/St_Johns", -62135596800, 123456789, "02 Jan 06 15:04 MST", "31 Dec 00 20:29 LMT"],
  ["Australia/Lord_Howe", 3890635200, 0, "2006-01-02 15:04:05 -0700 MST", "2093-04-15 22:30:00 +1030 +1030"],
  ["America/St_Johns", -62135596800, 0, "", ""],
  ["EST5EDT", 1, 123456789, "15:04:05", "19:00:01"],
  ["Asia/Tokyo", 1000000000, 120000000, "MSTX", "JSTX"],
  ["Europe/London", 1709634030, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2024-03-05 10:20:30.000000005 +0000 GMT Tuesday 065"],
  ["Australia/Lord_Howe", 1901102400, 0, "2006-01-02 15:04:05 -0700 MST", "2030-03-30 23:00:00 +1100 +11"],
  ["Asia/Kolkata", 1700000000, 1, "2006-01-02", "2023-11-15"],
  ["America/Sao_Paulo", 3005640000, 0, "2006-01-02 15:04:05 -0700 MST", "2065-03-30 09:00:00 -0300 -03"],
  ["Pacific/Chatham", 4102444800, 0, "Jan _2 15:04:05.000000", "Jan  1 13:45:00.000000"],
  ["Europe/London", 1709634030, 120000000, "Mon Jan _2 15:04:05 MST 2006", "Tue Mar  5 10:20:30 GMT 2024"],
  ["America/New_York", 1000000000, 123456789, "Jan _2 15:04:05.000000", "Sep  8 21:46:40.123456"],
  ["Africa/Casablanca", 1, 0, "01/02 03:04:05PM '06 -0700", "01/01 12:00:01AM '70 +0000"],
  ["Europe/London", 1698541200, 123456789, "2006-01-02 15:04:05.999999999 -0700 MST", "2023-10-29 01:00:00.123456789 +0000 GMT"],
  ["UTC", 1000000000, 1, "2006-01-02", "2001-09-09"],
  ["EST5EDT", -2208988800, 123456789, "Mon Jan _2 15:04:05 MST 2006", "Sun Dec 31 19:00:00 EST 1899"],
  ["Europe/Berlin", 7258118400, 1, "Mon Jan 02 15:04:05 -0700 2006", "Wed Jan 01 01:00:00 +0100 2200"],
  ["Europe/Berlin", 1711850400, 120000000, "pm PM 3 03 4 04 5 05", "am AM 4 04 0 00 0 00"],
  ["America/Sao_Paulo", 1711850400, 1, "_2006 2006_2", "_2024 202430"],
  ["Europe/Berlin", 3882859200, 0, "2006-01-02 15:04:05 -0700 MST", "2093-01-15 13:00:00 +0100 CET"],
  ["America/New_York", 1698541200, 999999999, "_2006 2006_2", "_2023 202328"],
  ["UTC", 1711846800, 0, "Monday, 02-Jan-06 15:04:05 MST", "Sunday, 31-Mar-24 01:00:00 UTC"],
  ["Asia/Tokyo", -62135596800, 0, "January Monday Jan Mon Janx Monx", "January Monday Jan Mon Janx Monx"],
  ["Etc/GMT+5", -2208988800, 0, ".000 ,999 .9 .0 .99999999999", ".000   .0 "],
  ["Antarctica/Troll", 1234567890, 999999999, "Monday, 02-Jan-06 15:04:05 MST", "Friday, 13-Feb-09 23:31:30 +00"],
  ["Australia/Lord_Howe", 1711846800, 0, "", ""],
  ["Australia/Lord_Howe", 3220084800, 0, "2006-01-02 15:04:05 -0700 MST", "2072-01-15 23:00:00 +1100 +11"],
  ["America/St_Johns", -1, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "1969-12-31 20:29:59.000000005 -0330 NST Wednesday 365"],
  ["Asia/Kolkata", 2147483648, 120000000, "Mon Jan _2 15:04:05 2006", "Tue Jan 19 08:44:08 2038"],
  ["Etc/GMT+5", 253402300799, 123456789, "Mon Jan 02 15:04:05 -0700 2006", "Fri Dec 31 18:59:59 -0500 9999"],
  ["Antarctica/Troll", 1709634030, 999999999, "05.000.000", "30.999.999"],
  ["Asia/Kolkata", -2208988800, 123456789, "Mon Jan 02 15:04:05 -0700 2006", "Mon Jan 01 05:21:10 +0521 1900"],
  ["Europe/Berlin", 1700000000, 120000000, "Z07 Z0700 Z070000 Z07:00:00 -07 -070000 -07:00:00", "+01 +0100 +010000 +01:00:00 +01 +010000 +01:00:00"],
  ["EST5EDT", 946684799, 123456789, "15:04:05", "18:59:59"],
  ["Europe/Dublin", 2141899200, 0, "2006-01-02 15:04:05 -0700 MST", "2037-11-15 12:00:00 +0000 GMT"],
  ["America/St_Johns", 1234567890, 123456789, "15:04:05", "20:01:30"],
  ["Europe/Berlin", 1730595600, 1, "Mon Jan _2 15:04:05 MST 2006", "Sun Nov  3 02:00:00 CET 2024"],
  ["America/St_Johns", 4000000000, 1, "1 01 15 1504", "10 10 04 0436"],
  ["EST5EDT", -62135596800, 123456789, "01/02 03:04:05PM '06 -0700", "12/31 07:00:00PM '00 -0500"],
  ["Asia/Kolkata", 1711850400, 1, "hello", "hello"],
  ["UTC", 1709634030, 999999999, "2006-01-02T15:04:05Z07:00", "2024-03-05T10:20:30Z"],
  ["Etc/GMT+5", -62135596800, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "0000-12-31 19:00:00.000000005 -0500 -05 Sunday 366"],
  ["Africa/Casablanca", 4000000000, 0, "Monday, 02-Jan-06 15:04:05 MST", "Tuesday, 02-Oct-96 08:06:40 +01"],
  ["UTC", -2208988800, 1, "__2 002 _2 2", "  1 001  1 1"],
  ["Asia/Kolkata", 1709634030, 1, "_2006 2006_2", "_2024 2024 5"],
  ["Asia/Kolkata", 2147483647, 0, "2006-01-02 15:04:05.999999999 -0700 MST", "2038-01-19 08:44:07 +0530 IST"],
  ["America/St_Johns", 7258118400, 0, "1 01 15 1504", "12 12 20 2030"],
  ["Asia/Kolkata", 1234567890, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2009-02-14 05:01:30.000000005 +0530 IST Saturday 045"],
  ["Africa/Casablanca", 2128680000, 0, "2006-01-02 15:04:05 -0700 MST", "2037-06-15 13:00:00 +0100 +01"],
  ["Africa/Casablanca", 2147483647, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2038-01-19 04:14:07.000000005 +0100 +01 Tuesday 019"],
  ["America/New_York", 4102444800, 999999999, "_2006 2006_2", "_2099 209931"],
  ["Asia/Tokyo", 2147483647, 0, "Mon Jan _2 15:04:05 2006", "Tue Jan 19 12:14:07 2038"],
  ["Europe/Berlin", 1711850400, 123456789, "MSTX", "CESTX"],
  ["Asia/Kolkata", -62167219200, 120000000, "hello", "hello"],
  ["Etc/GMT+5", 4102444800, 1, "2006-01-02T15:04:05.999999999Z07:00", "2099-12-31T19:00:00.000000001-05:00"],
  ["Pacific/Chatham", 1711846800, 120000000, "2006-01-02T15:04:05.999999999Z07:00", "2024-03-31T14:45:00.12+13:45"],
  ["UTC", 7258118400, 999999999, "02 Jan 06 15:04 MST", "01 Jan 00 00:00 UTC"],
  ["Europe/London", 1711850400, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2024-03-31 03:00:00.000000005 +0100 BST Sunday 091"],
  ["Africa/Casablanca", 253402300799, 1, "MSTX", "+01X"],
  ["Africa/Casablanca", 1000000000, 1, "2006-01-02 15:04:05.999999999 -0700 MST", "2001-09-09 01:46:40.000000001 +0000 +00"],
  ["America/St_Johns", -62167219200, 123456789, "__2 002 _2 2", "365 365 31 31"],
  ["America/New_York", 1234567890, 999999999, "2006-01-02T15:04:05Z07:00", "2009-02-13T18:31:30-05:00"],
  ["America/New_York", 0, 123456789, "2006-01-02T15:04:05Z07:00", "1969-12-31T19:00:00-05:00"],
  ["America/New_York", 4102444800, 1, "15:04:05", "19:00:00"],
  ["Asia/Kolkata", -1, 999999999, ".000 ,999 .9 .0 .99999999999", ".999 ,999 .9 .9 .999999999"],
  ["Asia/Tokyo", 4000000000, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2096-10-02 16:06:40.000000005 +0900 JST Tuesday 276"],
  ["Europe/Berlin", 2115633600, 0, "2006-01-02 15:04:05 -0700 MST", "2037-01-15 13:00:00 +0100 CET"],
  ["America/Sao_Paulo", -1, 999999999, "January Monday Jan Mon Janx Monx", "December Wednesday Dec Wed Janx Monx"],
  ["UTC", 1730595600, 1, "2006-01-02", "2024-11-03"],
  ["America/New_York", 1234567890, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2009-02-13 18:31:30.000000005 -0500 EST Friday 044"],
  ["America/St_Johns", -1, 123456789, "2006-01-02T15:04:05.999999999Z07:00", "1969-12-31T20:29:59.123456789-03:30"],
  ["America/St_Johns", 253402300799, 1, "Mon Jan _2 15:04:05 2006", "Fri Dec 31 20:29:59 9999"],
  ["Antarctica/Troll", 253402300799, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "9999-12-31 23:59:59.000000005 +0000 +00 Friday 365"],
  ["Etc/GMT+5", 1711846800, 123456789, "Jan _2 15:04:05.000000", "Mar 30 20:00:00.123456"],
  ["Europe/Berlin", 1700000000, 123456789, "15:04:05", "23:13:20"],
  ["Antarctica/Troll", 946684799, 123456789, "Mon Jan 02 15:04:05 -0700 2006", "Fri Dec 31 23:59:59 +0000 1999"],
  ["Antarctica/Troll", 4102444800, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2100-01-01 00:00:00.000000005 +0000 +00 Friday 001"],
  ["Europe/Berlin", -62167219200, 1, ".000 ,999 .9 .0 .99999999999", ".000   .0 .000000001"],
  ["Australia/Lord_Howe", 2147483648, 999999999, "MSTX", "+11X"],
  ["America/New_York", 1918296000, 0, "2006-01-02 15:04:05 -0700 MST", "2030-10-15 08:00:00 -0400 EDT"],
  ["Australia/Lord_Howe", 7258118400, 999999999, "Mon Jan 02 15:04:05 -0700 2006", "Wed Jan 01 11:00:00 +1100 2200"],
  ["Africa/Casablanca", -62135596800, 0, "01/02 03:04:05PM '06 -0700", "12/31 11:29:40PM '00 -0030"],
  ["America/Sao_Paulo", 1711850400, 1, "Mon Jan 02 15:04:05 -0700 2006", "Sat Mar 30 23:00:00 -0300 2024"],
  ["America/St_Johns", 1711850400, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "2024-03-30 23:30:00.000000005 -0230 NDT Saturday 090"],
  ["America/Sao_Paulo", 1700000000, 123456789, "hello", "hello"],
  ["Australia/Lord_Howe", 0, 1, "3:04PM", "10:00AM"],
  ["Europe/Berlin", 1920974400, 0, "2006-01-02 15:04:05 -0700 MST", "2030-11-15 13:00:00 +0100 CET"],
  ["Europe/Berlin", 1, 5, "2006-01-02 15:04:05.999999999 -0700 MST Monday 002", "1970-01-01 01:00:01.000000005 +0100 CET Thursday 001"],
  ["Asia/Kolkata", 2147483648, 0, "Jan _2 15:04:05.000000", "Jan 19 08:44:08.000000"],
  ["Europe/Dublin", 3227947200, 0, "2006-01-02 15:04:05 -0700 MST", "2072-04-15 13:00:00 +0100 IST"],
  ["Nowhere/Zone", 1711850400, 0, "2006-01-02T15:04:05Z07:00", "LOCERR unknown time zone Nowhere/Zone"],
  ["America", 0, 123456789, "2006-01-02T15:04:05Z07:00", "LOCERR is a directory"],
  ["../x", 253402300799, 123456789, "2006-01-02T15:04:05Z07:00", "LOCERR time: invalid location name"],
  ["asia/tokyo", 1698541200, 120000000, "2006-01-02T15:04:05Z07:00", "LOCERR unknown time zone asia/tokyo"],
];

/** ["dur", ns, Duration.String()] | ["pdur", text, ns or "ERR …"] | ["round", [d, m], d.Round(m)] */
const DURATION: readonly [string, bigint | string | [bigint, bigint], string][] = [
  ["dur", 0n, "0s"],
  ["dur", 1n, "1ns"],
  ["dur", 999n, "999ns"],
  ["dur", 1000n, "1µs"],
  ["dur", 1500n, "1.5µs"],
  ["dur", 999999n, "999.999µs"],
  ["dur", 1000000n, "1ms"],
  ["dur", 1500000n, "1.5ms"],
  ["dur", 999999999n, "999.999999ms"],
  ["dur", 1000000000n, "1s"],
  ["dur", 1500000000n, "1.5s"],
  ["dur", 3661000000000n, "1h1m1s"],
  ["dur", 60000000000n, "1m0s"],
  ["dur", 3600000000000n, "1h0m0s"],
  ["dur", -1n, "-1ns"],
  ["dur", -1500000000n, "-1.5s"],
  ["dur", 86400000000000n, "24h0m0s"],
  ["dur", 123456789012345n, "34h17m36.789012345s"],
  ["pdur", "0", "0"],
  ["pdur", "-0", "0"],
  ["pdur", "+0", "0"],
  ["pdur", "", "ERR time: invalid duration \"\""],
  ["pdur", "1h", "3600000000000"],
  ["pdur", "1h2m3.5s", "3723500000000"],
  ["pdur", "1.5h", "5400000000000"],
  ["pdur", ".5s", "500000000"],
  ["pdur", "5.s", "5000000000"],
  ["pdur", ".s", "ERR time: invalid duration \".s\""],
  ["pdur", "-.s", "ERR time: invalid duration \"-.s\""],
  ["pdur", "1", "ERR time: missing unit in duration \"1\""],
  ["pdur", "1x", "ERR time: unknown unit \"x\" in duration \"1x\""],
  ["pdur", "1hh", "ERR time: unknown unit \"hh\" in duration \"1hh\""],
  ["pdur", "300ms", "300000000"],
  ["pdur", "1us", "1000"],
  ["pdur", "1µs", "1000"],
  ["pdur", "1μs", "1000"],
  ["pdur", "2h45m", "9900000000000"],
  ["pdur", "-1.5h", "-5400000000000"],
  ["pdur", "9223372036854775807ns", "9223372036854775807"],
  ["pdur", "9223372036854775808ns", "ERR time: invalid duration \"9223372036854775808ns\""],
  ["pdur", "-9223372036854775808ns", "-9223372036854775808"],
  ["pdur", "2562047h", "9223369200000000000"],
  ["pdur", "2562048h", "ERR time: invalid duration \"2562048h\""],
  ["pdur", "1.0000000000000000000001s", "1000000000"],
  ["pdur", "0.3333333333333333333h", "1200000000000"],
  ["pdur", "x", "ERR time: invalid duration \"x\""],
  ["pdur", "+5m", "300000000000"],
  ["pdur", "1e3s", "ERR time: unknown unit \"e\" in duration \"1e3s\""],
  ["pdur", "1h 2m", "ERR time: unknown unit \"h \" in duration \"1h 2m\""],
  ["pdur", "3661", "ERR time: missing unit in duration \"3661\""],
  ["pdur", "400h", "1440000000000000"],
  ["pdur", "-5m", "-300000000000"],
  ["pdur", "2h10m5s", "7805000000000"],
  ["pdur", "0.1ns", "0"],
  ["pdur", "1.9ns", "1"],
  ["pdur", "100000000000000000000ns", "ERR time: invalid duration \"100000000000000000000ns\""],
  ["round", [1499999999n, 1000000000n], "1000000000"],
  ["round", [1500000000n, 1000000000n], "2000000000"],
  ["round", [-1500000000n, 1000000000n], "-2000000000"],
  ["round", [-1499999999n, 1000000000n], "-1000000000"],
  ["round", [5n, 0n], "5"],
  ["round", [2500n, 1000n], "3000"],
];

/** ["date", zone, [_, y, mo, d, h, mi, s], "t.String()|t.Unix()"] (time.Date) | ["adddate", zone, [unix, y, m, d], …] */
const DATES: readonly [string, string, number[], string][] = [
  ["date", "UTC", [0, 2024, 3, 10, 2, 30, 0], "2024-03-10 02:30:00 +0000 UTC|1710037800"],
  ["date", "UTC", [0, 2024, 11, 3, 1, 30, 0], "2024-11-03 01:30:00 +0000 UTC|1730597400"],
  ["date", "UTC", [0, 2024, 13, 1, 0, 0, 0], "2025-01-01 00:00:00 +0000 UTC|1735689600"],
  ["date", "UTC", [0, 2024, 0, 0, 0, 0, 0], "2023-11-30 00:00:00 +0000 UTC|1701302400"],
  ["date", "UTC", [0, 2024, 2, 30, 25, 61, -1], "2024-03-02 02:00:59 +0000 UTC|1709344859"],
  ["date", "UTC", [0, 0, 1, 1, 0, 0, 0], "0000-01-01 00:00:00 +0000 UTC|-62167219200"],
  ["date", "UTC", [0, -5, 6, 1, 0, 0, 0], "-0005-06-01 00:00:00 +0000 UTC|-62311939200"],
  ["date", "UTC", [0, 2024, 10, 6, 2, 15, 0], "2024-10-06 02:15:00 +0000 UTC|1728180900"],
  ["date", "UTC", [0, 2024, 4, 7, 1, 45, 0], "2024-04-07 01:45:00 +0000 UTC|1712454300"],
  ["date", "UTC", [0, 2100, 3, 14, 2, 30, 0], "2100-03-14 02:30:00 +0000 UTC|4108674600"],
  ["adddate", "UTC", [1709634030, 0, 1, 0, 0, 0, 0], "2024-04-05 10:20:30 +0000 UTC|1712312430"],
  ["adddate", "UTC", [1709634030, 0, 0, 1, 0, 0, 0], "2024-03-06 10:20:30 +0000 UTC|1709720430"],
  ["adddate", "UTC", [1709634030, 1, 0, 0, 0, 0, 0], "2025-03-05 10:20:30 +0000 UTC|1741170030"],
  ["adddate", "UTC", [1709634030, 0, -1, -31, 0, 0, 0], "2024-01-05 10:20:30 +0000 UTC|1704450030"],
  ["adddate", "UTC", [1709634030, 0, 1, 30, 0, 0, 0], "2024-05-05 10:20:30 +0000 UTC|1714904430"],
  ["adddate", "UTC", [1706745600, 0, 1, 0, 0, 0, 0], "2024-03-01 00:00:00 +0000 UTC|1709251200"],
  ["adddate", "UTC", [1706745600, 0, 0, 1, 0, 0, 0], "2024-02-02 00:00:00 +0000 UTC|1706832000"],
  ["adddate", "UTC", [1706745600, 1, 0, 0, 0, 0, 0], "2025-02-01 00:00:00 +0000 UTC|1738368000"],
  ["adddate", "UTC", [1706745600, 0, -1, -31, 0, 0, 0], "2023-12-01 00:00:00 +0000 UTC|1701388800"],
  ["adddate", "UTC", [1706745600, 0, 1, 30, 0, 0, 0], "2024-03-31 00:00:00 +0000 UTC|1711843200"],
  ["date", "America/New_York", [0, 2024, 3, 10, 2, 30, 0], "2024-03-10 01:30:00 -0500 EST|1710052200"],
  ["date", "America/New_York", [0, 2024, 11, 3, 1, 30, 0], "2024-11-03 01:30:00 -0400 EDT|1730611800"],
  ["date", "America/New_York", [0, 2024, 13, 1, 0, 0, 0], "2025-01-01 00:00:00 -0500 EST|1735707600"],
  ["date", "America/New_York", [0, 2024, 0, 0, 0, 0, 0], "2023-11-30 00:00:00 -0500 EST|1701320400"],
  ["date", "America/New_York", [0, 2024, 2, 30, 25, 61, -1], "2024-03-02 02:00:59 -0500 EST|1709362859"],
  ["date", "America/New_York", [0, 0, 1, 1, 0, 0, 0], "0000-01-01 00:00:00 -0456 LMT|-62167201438"],
  ["date", "America/New_York", [0, -5, 6, 1, 0, 0, 0], "-0005-06-01 00:00:00 -0456 LMT|-62311921438"],
  ["date", "America/New_York", [0, 2024, 10, 6, 2, 15, 0], "2024-10-06 02:15:00 -0400 EDT|1728195300"],
  ["date", "America/New_York", [0, 2024, 4, 7, 1, 45, 0], "2024-04-07 01:45:00 -0400 EDT|1712468700"],
  ["date", "America/New_York", [0, 2100, 3, 14, 2, 30, 0], "2100-03-14 01:30:00 -0500 EST|4108689000"],
  ["adddate", "America/New_York", [1709634030, 0, 1, 0, 0, 0, 0], "2024-04-05 05:20:30 -0400 EDT|1712308830"],
  ["adddate", "America/New_York", [1709634030, 0, 0, 1, 0, 0, 0], "2024-03-06 05:20:30 -0500 EST|1709720430"],
  ["adddate", "America/New_York", [1709634030, 1, 0, 0, 0, 0, 0], "2025-03-05 05:20:30 -0500 EST|1741170030"],
  ["adddate", "America/New_York", [1709634030, 0, -1, -31, 0, 0, 0], "2024-01-05 05:20:30 -0500 EST|1704450030"],
  ["adddate", "America/New_York", [1709634030, 0, 1, 30, 0, 0, 0], "2024-05-05 05:20:30 -0400 EDT|1714900830"],
  ["adddate", "America/New_York", [1706745600, 0, 1, 0, 0, 0, 0], "2024-03-02 19:00:00 -0500 EST|1709424000"],
  ["adddate", "America/New_York", [1706745600, 0, 0, 1, 0, 0, 0], "2024-02-01 19:00:00 -0500 EST|1706832000"],
  ["adddate", "America/New_York", [1706745600, 1, 0, 0, 0, 0, 0], "2025-01-31 19:00:00 -0500 EST|1738368000"],
  ["adddate", "America/New_York", [1706745600, 0, -1, -31, 0, 0, 0], "2023-11-30 19:00:00 -0500 EST|1701388800"],
  ["adddate", "America/New_York", [1706745600, 0, 1, 30, 0, 0, 0], "2024-04-01 19:00:00 -0400 EDT|1712012400"],
  ["date", "Europe/Berlin", [0, 2024, 3, 10, 2, 30, 0], "2024-03-10 02:30:00 +0100 CET|1710034200"],
  ["date", "Europe/Berlin", [0, 2024, 11, 3, 1, 30, 0], "2024-11-03 01:30:00 +0100 CET|1730593800"],
  ["date", "Europe/Berlin", [0, 2024, 13, 1, 0, 0, 0], "2025-01-01 00:00:00 +0100 CET|1735686000"],
  ["date", "Europe/Berlin", [0, 2024, 0, 0, 0, 0, 0], "2023-11-30 00:00:00 +0100 CET|1701298800"],
  ["date", "Europe/Berlin", [0, 2024, 2, 30, 25, 61, -1], "2024-03-02 02:00:59 +0100 CET|1709341259"],
  ["date", "Europe/Berlin", [0, 0, 1, 1, 0, 0, 0], "0000-01-01 00:00:00 +0053 LMT|-62167222408"],
  ["date", "Europe/Berlin", [0, -5, 6, 1, 0, 0, 0], "-0005-06-01 00:00:00 +0053 LMT|-62311942408"],
  ["date", "Europe/Berlin", [0, 2024, 10, 6, 2, 15, 0], "2024-10-06 02:15:00 +0200 CEST|1728173700"],
  ["date", "Europe/Berlin", [0, 2024, 4, 7, 1, 45, 0], "2024-04-07 01:45:00 +0200 CEST|1712447100"],
  ["date", "Europe/Berlin", [0, 2100, 3, 14, 2, 30, 0], "2100-03-14 02:30:00 +0100 CET|4108671000"],
  ["adddate", "Europe/Berlin", [1709634030, 0, 1, 0, 0, 0, 0], "2024-04-05 11:20:30 +0200 CEST|1712308830"],
  ["adddate", "Europe/Berlin", [1709634030, 0, 0, 1, 0, 0, 0], "2024-03-06 11:20:30 +0100 CET|1709720430"],
  ["adddate", "Europe/Berlin", [1709634030, 1, 0, 0, 0, 0, 0], "2025-03-05 11:20:30 +0100 CET|1741170030"],
  ["adddate", "Europe/Berlin", [1709634030, 0, -1, -31, 0, 0, 0], "2024-01-05 11:20:30 +0100 CET|1704450030"],
  ["adddate", "Europe/Berlin", [1709634030, 0, 1, 30, 0, 0, 0], "2024-05-05 11:20:30 +0200 CEST|1714900830"],
  ["adddate", "Europe/Berlin", [1706745600, 0, 1, 0, 0, 0, 0], "2024-03-01 01:00:00 +0100 CET|1709251200"],
  ["adddate", "Europe/Berlin", [1706745600, 0, 0, 1, 0, 0, 0], "2024-02-02 01:00:00 +0100 CET|1706832000"],
  ["adddate", "Europe/Berlin", [1706745600, 1, 0, 0, 0, 0, 0], "2025-02-01 01:00:00 +0100 CET|1738368000"],
  ["adddate", "Europe/Berlin", [1706745600, 0, -1, -31, 0, 0, 0], "2023-12-01 01:00:00 +0100 CET|1701388800"],
  ["adddate", "Europe/Berlin", [1706745600, 0, 1, 30, 0, 0, 0], "2024-03-31 01:00:00 +0100 CET|1711843200"],
  ["date", "Australia/Lord_Howe", [0, 2024, 3, 10, 2, 30, 0], "2024-03-10 02:30:00 +1100 +11|1709998200"],
  ["date", "Australia/Lord_Howe", [0, 2024, 11, 3, 1, 30, 0], "2024-11-03 01:30:00 +1100 +11|1730557800"],
  ["date", "Australia/Lord_Howe", [0, 2024, 13, 1, 0, 0, 0], "2025-01-01 00:00:00 +1100 +11|1735650000"],
  ["date", "Australia/Lord_Howe", [0, 2024, 0, 0, 0, 0, 0], "2023-11-30 00:00:00 +1100 +11|1701262800"],
  ["date", "Australia/Lord_Howe", [0, 2024, 2, 30, 25, 61, -1], "2024-03-02 02:00:59 +1100 +11|1709305259"],
  ["date", "Australia/Lord_Howe", [0, 0, 1, 1, 0, 0, 0], "0000-01-01 00:00:00 +1036 LMT|-62167257380"],
  ["date", "Australia/Lord_Howe", [0, -5, 6, 1, 0, 0, 0], "-0005-06-01 00:00:00 +1036 LMT|-62311977380"],
  ["date", "Australia/Lord_Howe", [0, 2024, 10, 6, 2, 15, 0], "2024-10-06 02:45:00 +1100 +11|1728143100"],
  ["date", "Australia/Lord_Howe", [0, 2024, 4, 7, 1, 45, 0], "2024-04-07 01:45:00 +1030 +1030|1712416500"],
  ["date", "Australia/Lord_Howe", [0, 2100, 3, 14, 2, 30, 0], "2100-03-14 02:30:00 +1100 +11|4108635000"],
  ["adddate", "Australia/Lord_Howe", [1709634030, 0, 1, 0, 0, 0, 0], "2024-04-05 21:20:30 +1100 +11|1712312430"],
  ["adddate", "Australia/Lord_Howe", [1709634030, 0, 0, 1, 0, 0, 0], "2024-03-06 21:20:30 +1100 +11|1709720430"],
  ["adddate", "Australia/Lord_Howe", [1709634030, 1, 0, 0, 0, 0, 0], "2025-03-05 21:20:30 +1100 +11|1741170030"],
  ["adddate", "Australia/Lord_Howe", [1709634030, 0, -1, -31, 0, 0, 0], "2024-01-05 21:20:30 +1100 +11|1704450030"],
  ["adddate", "Australia/Lord_Howe", [1709634030, 0, 1, 30, 0, 0, 0], "2024-05-05 21:20:30 +1030 +1030|1714906230"],
  ["adddate", "Australia/Lord_Howe", [1706745600, 0, 1, 0, 0, 0, 0], "2024-03-01 11:00:00 +1100 +11|1709251200"],
  ["adddate", "Australia/Lord_Howe", [1706745600, 0, 0, 1, 0, 0, 0], "2024-02-02 11:00:00 +1100 +11|1706832000"],
  ["adddate", "Australia/Lord_Howe", [1706745600, 1, 0, 0, 0, 0, 0], "2025-02-01 11:00:00 +1100 +11|1738368000"],
  ["adddate", "Australia/Lord_Howe", [1706745600, 0, -1, -31, 0, 0, 0], "2023-12-01 11:00:00 +1100 +11|1701388800"],
  ["adddate", "Australia/Lord_Howe", [1706745600, 0, 1, 30, 0, 0, 0], "2024-03-31 11:00:00 +1100 +11|1711843200"],
];

test('Time.Format matches Go for layouts, zones and instants', () => {
  for (const [zone, unix, nsec, layout, want] of FORMAT) {
    let got: string;
    try {
      got = format(unixTime(unix, nsec).in(loadLocation(zone)), layout);
    } catch (e) {
      got = `LOCERR ${(e as Error).message}`;
    }
    assert.equal(got, want, `${zone} ${unix}.${nsec} ${JSON.stringify(layout)}`);
  }
});

test('Duration String, ParseDuration and Round match Go', () => {
  for (const [op, arg, want] of DURATION) {
    let got: string;
    if (op === 'dur') got = durationString(arg as bigint);
    else if (op === 'round') got = String(durationRound(...(arg as [bigint, bigint])));
    else {
      try {
        got = String(parseDuration(arg as string));
      } catch (e) {
        got = `ERR ${(e as Error).message}`;
      }
    }
    assert.equal(got, want, `${op} ${String(arg)}`);
  }
});

test('time.Date normalisation and AddDate match Go (DST gaps and overlaps included)', () => {
  for (const [op, zone, a, want] of DATES) {
    const loc = loadLocation(zone);
    const [unix, y, mo, d, h, mi, s] = a as [number, number, number, number, number, number, number];
    const t = op === 'date' ? date(y, mo, d, h, mi, s, 0, loc) : unixTime(unix).in(loc).addDate(y, mo, d);
    assert.equal(`${timeString(t)}|${t.unix()}`, want, `${op} ${zone} ${a.join(',')}`);
  }
});

test('Time.String shows a monotonic reading like Go', () => {
  const t = unixTime(0).in(loadLocation('UTC'));
  assert.equal(timeString(t), '1970-01-01 00:00:00 +0000 UTC');
  assert.equal(timeString(new Time(0, 5, UTC, 1234567890123n)), '1970-01-01 00:00:00.000000005 +0000 UTC m=+1234.567890123');
  assert.equal(timeString(new Time(0, 0, UTC, 1000000000000000001n)), '1970-01-01 00:00:00 +0000 UTC m=+1000000000.000000001');
  assert.equal(timeString(t.add(5n)), '1970-01-01 00:00:00.000000005 +0000 UTC');
});

test('the Intl fallback (machines without zoneinfo) agrees with tzdata on offsets', () => {
  const instants = [0, 1709634030, 1711846800, 1730595600, 4102444800, -2208988800];
  for (const zone of ['Asia/Tokyo', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns']) {
    const intl = intlLocation(zone);
    assert.ok(intl, zone);
    const tz = loadLocation(zone);
    for (const sec of instants) assert.equal(intl.lookup(sec).offset, tz.lookup(sec).offset, `${zone} @${sec}`);
    const t = date(2024, 7, 1, 12, 0, 0, 0, intl);
    assert.equal(t.unix(), date(2024, 7, 1, 12, 0, 0, 0, tz).unix(), `${zone} Date()`);
  }
  assert.equal(intlLocation('Nowhere/Zone'), undefined);
  assert.equal(format(unixTime(1709634030).in(intlLocation('America/New_York') as ReturnType<typeof loadLocation>), 'MST -0700'), 'EST -0500');
  assert.equal(format(unixTime(0).in(intlLocation('Asia/Kolkata') as ReturnType<typeof loadLocation>), 'MST'), '+0530');
});
