using System.Globalization;

namespace Jamsostek.Functions.Storage;

/// <summary>Dates stored as "yyyy-MM-dd" text: Table Storage has no date-only type, and such text sorts and compares in filters.</summary>
public static class IsoDate
{
    public static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? text) =>
        string.IsNullOrEmpty(text) ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
