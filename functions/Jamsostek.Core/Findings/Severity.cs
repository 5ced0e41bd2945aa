namespace Jamsostek.Core.Findings;

public enum Severity
{
    /// <summary>The row (or, for file-level codes, the whole upload) is not stored.</summary>
    Error,

    /// <summary>The row is stored; the office is told.</summary>
    Warning,
}
