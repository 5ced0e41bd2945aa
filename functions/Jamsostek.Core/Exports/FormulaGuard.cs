namespace Jamsostek.Core.Exports;

/// <summary>
/// Keeps text that came from uploads from running as a formula when an office opens an export in a spreadsheet
/// (CSV or formula injection). Following OWASP's guidance, text starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return gets a leading apostrophe, which spreadsheets read as "this is text".
/// Only text is guarded: a negative number written as a number stays a number.
/// </summary>
public static class FormulaGuard
{
    /// <summary>The character put in front of text that a spreadsheet would otherwise take for a formula.</summary>
    public const char Prefix = '\'';

    public static bool NeedsPrefix(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text as it is safe to put in a spreadsheet cell; the same instance when nothing needs changing.</summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NeedsPrefix(text) ? Prefix + text : text;
    }
}
