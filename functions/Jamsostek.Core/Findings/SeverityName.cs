namespace Jamsostek.Core.Findings;

/// <summary>How a <see cref="Severity"/> is written where the office and other programs read it: findings.json, exports.</summary>
public static class SeverityName
{
    public const string Error = "error";
    public const string Warning = "warning";

    public static string Of(Severity severity) => severity == Severity.Error ? Error : Warning;
}
