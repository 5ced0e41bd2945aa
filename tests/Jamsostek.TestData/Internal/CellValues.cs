using System.Globalization;
using System.Text;

namespace Jamsostek.TestData.Internal;

internal enum CellKind
{
    None,
    Text,
    Number,
    Date,
    DateTime,
    Boolean,
}

/// <summary>The one value mapping shared by the xlsx, xls and csv writers.</summary>
internal readonly record struct CellContent(CellKind Kind, string? Text, double Number, bool Boolean, DateTime Date)
{
    public static CellContent From(object? value) => value switch
    {
        null => default,
        DBNull => default,
        string { Length: 0 } => default, // Excel keeps no cell for empty text
        string s => new(CellKind.Text, s, 0, false, default),
        char c => new(CellKind.Text, c.ToString(), 0, false, default),
        bool b => new(CellKind.Boolean, null, 0, b, default),
        DateOnly d => new(CellKind.Date, null, 0, false, d.ToDateTime(TimeOnly.MinValue)),
        DateTime dt => new(dt.TimeOfDay == TimeSpan.Zero ? CellKind.Date : CellKind.DateTime, null, 0, false, dt),
        DateTimeOffset dto => From(dto.DateTime),
        double d => new(CellKind.Number, null, d, false, default),
        float f => new(CellKind.Number, null, double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), false, default),
        decimal m => new(CellKind.Number, null, (double)m, false, default),
        int or long or short or byte or sbyte or ushort or uint or ulong => new(CellKind.Number, null, Convert.ToDouble(value, CultureInfo.InvariantCulture), false, default),
        IFormattable f => new(CellKind.Text, f.ToString(null, CultureInfo.InvariantCulture), 0, false, default),
        _ => new(CellKind.Text, value.ToString(), 0, false, default),
    };

    /// <summary>Invariant text of a number as stored in an xlsx &lt;v&gt; element or written to a CSV.</summary>
    public static string FormatNumber(object value)
    {
        return value switch
        {
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            float f => FormatDouble(double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
            _ => FormatDouble(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        };
    }

    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new ArgumentException($"A spreadsheet cannot hold the number {d}.");
        }

        // Whole numbers without an exponent ("5204014501900001", not "5.204014501900001E+15").
        if (Math.Abs(d) < 1e21 && d == Math.Floor(d))
        {
            return d.ToString("F0", CultureInfo.InvariantCulture);
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Makes text safe for XML: characters XML 1.0 cannot hold are written as Excel's <c>_xHHHH_</c> escapes,
    /// and a literal <c>_xHHHH_</c> in the text is protected by escaping its underscore.
    /// </summary>
    public static string XmlSafe(string text)
    {
        var needs = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' || !IsXmlChar(text, i))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && LooksLikeEscape(text, i))
            {
                sb.Append("_x005F_");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!IsXmlChar(text, i))
            {
                sb.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool LooksLikeEscape(string text, int i)
    {
        if (i + 6 >= text.Length || text[i + 1] != 'x' || text[i + 6] != '_')
        {
            return false;
        }

        for (var k = i + 2; k < i + 6; k++)
        {
            if (!char.IsAsciiHexDigit(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsXmlChar(string text, int i)
    {
        var c = text[i];
        if (c is '\t' or '\n' or '\r')
        {
            return true;
        }

        if (c < 0x20 || c is '\uFFFE' or '\uFFFF')
        {
            return false;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i > 0 && char.IsHighSurrogate(text[i - 1]);
        }

        return true;
    }
}

internal static class CellAddress
{
    public const int MaxColumns = 16_384;
    public const int MaxRows = 1_048_576;
    private static readonly string[] ColumnNames = new string[MaxColumns];

    /// <summary>Column letters of a 0-based column index: 0 → "A", 26 → "AA".</summary>
    public static string Column(int index)
    {
        if ((uint)index >= MaxColumns)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A worksheet has at most {MaxColumns} columns.");
        }

        var name = ColumnNames[index];
        if (name is null)
        {
            var sb = new StringBuilder(3);
            var n = index + 1;
            while (n > 0)
            {
                var rem = (n - 1) % 26;
                sb.Insert(0, (char)('A' + rem));
                n = (n - 1) / 26;
            }

            name = sb.ToString();
            ColumnNames[index] = name;
        }

        return name;
    }

    public static string Cell(int columnIndex, int rowNumber) =>
        Column(columnIndex) + rowNumber.ToString(CultureInfo.InvariantCulture);
}
