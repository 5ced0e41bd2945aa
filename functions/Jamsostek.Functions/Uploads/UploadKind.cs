using Jamsostek.Core.Templates;

namespace Jamsostek.Functions.Uploads;

/// <summary>The kind of sheet an upload holds, as stored on its record and shown in the API.</summary>
public static class UploadKind
{
    public const string Agreements = "agreements";
    public const string Enrolments = "enrolments";
    public const string Compliance = "compliance";

    public static string Of(SheetKind kind) => kind switch
    {
        SheetKind.Agreements => Agreements,
        SheetKind.Enrolments => Enrolments,
        SheetKind.Compliance => Compliance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
