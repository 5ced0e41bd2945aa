using System.Globalization;
using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Values;

/// <summary>
/// Dates as offices type them, always day first (never US month first): 28/10/2025, 28-10-2025, 28.10.2025,
/// 2025-10-28, 28 Oktober 2025, 28 Okt 2025, 28 okt. 2025, 28-Oct-25, "Selasa, 28 Oktober 2025", an Excel serial
/// (a number cell or digit text) or a date-formatted cell. Two-digit years: 00-49 are 20xx, 50-99 are 19xx.
/// A time of day after the date (database exports: "2025-10-28 00:00:00") is ignored.
/// </summary>
public static class IndonesianDate
{
    // Excel's 1900 date system counts 29 February 1900, a day that never was (Lotus 1-2-3 compatibility).
    private const int FakeLeapDaySerial = 60;
    private const int LastSerial = 2_958_465; // 31 December 9999
    private const int MaxSerialDigits = 7;
    private const int MaxTokens = 12;
    private static readonly DateOnly BeforeFirstSerial = new(1899, 12, 31); // serials 1..59
    private static readonly DateOnly AfterFakeLeapDay = new(1899, 12, 30); // serials 61 and later, one day shifted

    private static readonly SpellingTable<int> Months = new([
        ("januari", 1), ("january", 1), ("jan", 1),
        ("februari", 2), ("pebruari", 2), ("february", 2), ("feb", 2), ("peb", 2),
        ("maret", 3), ("march", 3), ("mar", 3),
        ("april", 4), ("apr", 4),
        ("mei", 5), ("may", 5),
        ("juni", 6), ("june", 6), ("jun", 6),
        ("juli", 7), ("july", 7), ("jul", 7),
        ("agustus", 8), ("august", 8), ("agu", 8), ("agt", 8), ("ags", 8), ("agst", 8), ("aug", 8),
        ("september", 9), ("sep", 9), ("sept", 9),
        ("oktober", 10), ("october", 10), ("okt", 10), ("oct", 10),
        ("november", 11), ("nopember", 11), ("nov", 11), ("nop", 11),
        ("desember", 12), ("december", 12), ("des", 12), ("dec", 12),
    ]);

    private static readonly SpellingTable<DayOfWeek> Weekdays = new([
        ("senin", DayOfWeek.Monday), ("selasa", DayOfWeek.Tuesday), ("rabu", DayOfWeek.Wednesday),
        ("kamis", DayOfWeek.Thursday), ("jumat", DayOfWeek.Friday), ("sabtu", DayOfWeek.Saturday),
        ("minggu", DayOfWeek.Sunday), ("ahad", DayOfWeek.Sunday),
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday),
        ("sunday", DayOfWeek.Sunday),
    ]);

    public static ParsedValue<DateOnly> Parse(object? cell) => cell switch
    {
        null => ParsedValue<DateOnly>.Empty,
        string text => ParseText(text),
        double serial => FromExcelSerial(serial),
        DateTime dateTime => ParsedValue<DateOnly>.Ok(DateOnly.FromDateTime(dateTime)),
        _ => Fail($"A {Cell.Kind(cell)} cell is not a date."),
    };

    /// <summary>
    /// An Excel serial in the 1900 date system: 1 is 1 January 1900, 60 is Excel's fictitious 29 February 1900
    /// (refused), 61 is 1 March 1900. A fraction is a time of day and is dropped.
    /// </summary>
    public static ParsedValue<DateOnly> FromExcelSerial(double serial)
    {
        if (!double.IsFinite(serial) || serial < 1 || serial >= LastSerial + 1)
        {
            return Fail($"An Excel date serial runs from 1 to {LastSerial}.");
        }
        var day = (int)Math.Floor(serial);
        if (day == FakeLeapDaySerial)
        {
            return Fail("Serial 60 is Excel's 29 February 1900, a day that does not exist.");
        }
        return ParsedValue<DateOnly>.Ok(day < FakeLeapDaySerial ? BeforeFirstSerial.AddDays(day) : AfterFakeLeapDay.AddDays(day));
    }

    private static ParsedValue<DateOnly> ParseText(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.IsEmpty)
        {
            return ParsedValue<DateOnly>.Empty;
        }
        if (Cell.IsAllAsciiDigits(s))
        {
            return FromDigits(s);
        }

        Span<Token> buffer = stackalloc Token[MaxTokens];
        var count = Tokenize(s, buffer);
        if (count < 0)
        {
            return Fail("Not a date: unexpected characters.");
        }
        var tokens = buffer[..count];
        // "Selasa, 28 Oktober 2025": the weekday adds nothing (and is not checked against the date).
        if (tokens.Length > 0 && !tokens[0].IsNumber && Weekdays.TryFind(tokens[0].Of(s), out _))
        {
            tokens = tokens[1..];
        }
        if (tokens.Length < 3)
        {
            return Fail("Not a date: day, month and year expected.");
        }
        if (tokens.Length > 3 && !IsTimeOfDay(s[tokens[2].End..]))
        {
            return Fail("Not a date: unexpected text after the year.");
        }
        return FromDayMonthYear(s, tokens[0], tokens[1], tokens[2]);
    }

    /// <summary>Digits alone: an Excel serial kept as text, unless they look like a year typed alone.</summary>
    private static ParsedValue<DateOnly> FromDigits(ReadOnlySpan<char> s)
    {
        // Serials 1900-2099 are dates in 1905; as text they are far likelier a year typed alone.
        if (s.Length == 4 && Cell.DigitsValue(s) is >= 1900 and <= 2099)
        {
            return Fail("A year alone is not a date.");
        }
        return s.Length <= MaxSerialDigits
            ? FromExcelSerial(Cell.DigitsValue(s))
            : Fail("Digits without separators are neither a date nor an Excel serial.");
    }

    /// <summary>The three parts of a date in the orders offices write them: all numbers (day first, or year first), or with the month named.</summary>
    private static ParsedValue<DateOnly> FromDayMonthYear(ReadOnlySpan<char> s, Token first, Token second, Token third)
    {
        var firstSeparator = Separator(s[first.End..second.Start]);
        var secondSeparator = Separator(s[second.End..third.Start]);

        if (first.IsNumber && second.IsNumber && third.IsNumber)
        {
            if (firstSeparator != secondSeparator || firstSeparator is not ('/' or '-' or '.'))
            {
                return Fail("Not a date: day, month and year need the same separator (/, - or .).");
            }
            return first.Length == 4
                ? Compose(third.Of(s), second.Of(s), first.Of(s))
                : Compose(first.Of(s), second.Of(s), third.Of(s));
        }

        if (firstSeparator is '?' or ':' || secondSeparator is '?' or ':')
        {
            return Fail("Not a date: unexpected separators.");
        }
        if (first.IsNumber && !second.IsNumber && third.IsNumber)
        {
            return ComposeNamed(first.Of(s), second.Of(s), third.Of(s));
        }
        if (!first.IsNumber && second.IsNumber && third.IsNumber)
        {
            // "Oktober 28, 2025": the month is named, so this order is not ambiguous.
            return ComposeNamed(second.Of(s), first.Of(s), third.Of(s));
        }
        return Fail("Not a date: day, month and year expected.");
    }

    private static ParsedValue<DateOnly> ComposeNamed(ReadOnlySpan<char> day, ReadOnlySpan<char> monthName, ReadOnlySpan<char> year)
    {
        if (!Months.TryFind(monthName, out var month))
        {
            return Fail("Not a month name.");
        }
        return day.Length > 2 ? Fail("The day has more than two digits.") : Compose(Cell.DigitsValue(day), month, year);
    }

    private static ParsedValue<DateOnly> Compose(ReadOnlySpan<char> day, ReadOnlySpan<char> month, ReadOnlySpan<char> year) =>
        day.Length > 2 || month.Length > 2
            ? Fail("Not a date: expected DD/MM/YYYY, DD/MM/YY or YYYY-MM-DD.")
            : Compose(Cell.DigitsValue(day), Cell.DigitsValue(month), year);

    private static ParsedValue<DateOnly> Compose(int day, int month, ReadOnlySpan<char> yearDigits)
    {
        if (yearDigits.Length is not (2 or 4))
        {
            return Fail("The year needs four digits (or two).");
        }
        var year = Cell.DigitsValue(yearDigits);
        if (yearDigits.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }
        else if (year < 1000)
        {
            return Fail("The year needs four digits.");
        }
        if (month is < 1 or > 12)
        {
            return Fail($"Month {month} does not exist; dates are read day first (DD/MM/YYYY).");
        }
        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            return Fail($"Day {day} does not exist: {monthName} {year} has {daysInMonth} days.");
        }
        return ParsedValue<DateOnly>.Ok(new DateOnly(year, month, day));
    }

    // What may follow a date: whitespace or 'T', then hh:mm[:ss[.fff]] and maybe AM/PM or Z.
    private static bool IsTimeOfDay(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || !(char.IsWhiteSpace(rest[0]) || rest[0] is 'T' or 't'))
        {
            return false;
        }
        rest = rest[1..].Trim();
        foreach (var suffix in (ReadOnlySpan<string>)["AM", "PM", "Z"])
        {
            if (rest.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[..^suffix.Length].TrimEnd();
                break;
            }
        }
        return !rest.IsEmpty && char.IsAsciiDigit(rest[0]) && char.IsAsciiDigit(rest[^1]) && rest.Contains(':')
            && !rest.ContainsAnyExcept("0123456789:.");
    }

    private static int Tokenize(ReadOnlySpan<char> s, Span<Token> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }
            }
            else if (char.IsLetter(c))
            {
                // An apostrophe inside a word belongs to it: "Jum'at".
                while (i < s.Length && (char.IsLetter(s[i]) || (s[i] == '\'' && i + 1 < s.Length && char.IsLetter(s[i + 1]))))
                {
                    i++;
                }
            }
            else if (char.IsWhiteSpace(c) || c is '/' or '-' or '.' or ',' or ':' or '\u2013')
            {
                i++;
                continue;
            }
            else
            {
                return -1;
            }
            if (count == tokens.Length)
            {
                return -1;
            }
            tokens[count++] = new Token(start, i, char.IsAsciiDigit(c));
        }
        return count;
    }

    // The one punctuation mark between two tokens, ' ' for whitespace only, '\0' for nothing, '?' for more than one mark.
    private static char Separator(ReadOnlySpan<char> between)
    {
        var mark = '\0';
        var space = false;
        foreach (var c in between)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
            }
            else if (mark != '\0')
            {
                return '?';
            }
            else
            {
                mark = c == '\u2013' ? '-' : c;
            }
        }
        return mark != '\0' ? mark : space ? ' ' : '\0';
    }

    private static ParsedValue<DateOnly> Fail(string problem) => ParsedValue<DateOnly>.Fail(FindingCode.DateFormat, problem);

    private readonly record struct Token(int Start, int End, bool IsNumber)
    {
        public int Length => End - Start;

        public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text[Start..End];
    }
}
