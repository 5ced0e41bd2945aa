namespace Jamsostek.Core.Sheets;

/// <summary>A1-style cell addresses, as the office sees them in Excel.</summary>
public static class CellAddress
{
    /// <summary>The column letters of a 0-based column index: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnName(int columnIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnIndex);
        Span<char> letters = stackalloc char[4];
        var position = letters.Length;
        var n = columnIndex + 1;
        while (n > 0)
        {
            var remainder = (n - 1) % 26;
            letters[--position] = (char)('A' + remainder);
            n = (n - 1) / 26;
        }
        return new string(letters[position..]);
    }

    /// <summary>"B17" for column index 1 and row number 17.</summary>
    public static string Of(int columnIndex, int rowNumber) => ColumnName(columnIndex) + rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
