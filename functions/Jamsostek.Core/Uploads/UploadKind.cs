using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Uploads;

/// <summary>
/// The names a <see cref="SheetKind"/> has outside the code: the upload record's Kind column, the API's "kind" field
/// and the staging manifest.
/// </summary>
public static class UploadKind
{
    public const string Agreements = "agreements";
    public const string Enrolments = "enrolments";
    public const string Compliance = "compliance";

    public static string NameOf(SheetKind kind) => kind switch
    {
        SheetKind.Agreements => Agreements,
        SheetKind.Enrolments => Enrolments,
        SheetKind.Compliance => Compliance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a stored or received name stands for; null for none or a name that is not a kind's.</summary>
    public static SheetKind? Parse(string? name) => name switch
    {
        Agreements => SheetKind.Agreements,
        Enrolments => SheetKind.Enrolments,
        Compliance => SheetKind.Compliance,
        _ => null,
    };
}
