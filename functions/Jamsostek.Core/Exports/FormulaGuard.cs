namespace Jamsostek.Core.Exports;

/// <summary>
/// Keeps text that came from uploads from running as a formula when an office opens an export in a spreadsheet
/// (CSV or formula injection). Following OWASP's guidance, text whose first character is <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is guarded; so is text where one of the four follows leading
/// spaces (spreadsheets trim them before deciding), and their full-width forms (<c>＝＋－＠</c>), which Excel on a
/// Japanese or Chinese input method turns into the ASCII ones. CSV gets a leading apostrophe, which spreadsheets
/// read as "this is text"; XLSX keeps the text as it was and marks the cell with the <c>quotePrefix</c> style.
/// Only text is guarded: a negative number written as a number stays a number.
/// </summary>
public static class FormulaGuard
{
    /// <summary>The character put in front of text that a spreadsheet would otherwise take for a formula.</summary>
    public const char Prefix = '\'';

    public static bool NeedsPrefix(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] is '\t' or '\r')
        {
            return !text.IsEmpty;
        }
        var start = 0;
        while (start < text.Length && text[start] is ' ' or '\u00A0' or '\u3000')
        {
            start++;
        }
        return start < text.Length && text[start] is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }

    /// <summary>The text as it is safe to put in a spreadsheet cell; the same instance when nothing needs changing.</summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NeedsPrefix(text) ? Prefix + text : text;
    }
}
