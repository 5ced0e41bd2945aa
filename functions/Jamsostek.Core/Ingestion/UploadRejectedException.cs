using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// The file cannot be used at all: the upload is rejected with a file-level code (FILE_*, HEADER_*,
/// REGION_MISMATCH). <see cref="Detail"/> is for operators (English, no personal data); what the office reads is
/// made from <see cref="Code"/> and <see cref="Arguments"/> (<see cref="FileMessages"/>), or from
/// <see cref="Findings"/> when the check that rejected the file made its own (header checks, region mismatch).
/// </summary>
public sealed class UploadRejectedException : Exception
{
    public UploadRejectedException(string code, string detail, params object[] arguments)
        : base($"{code}: {detail}")
    {
        Code = code;
        Detail = detail;
        Arguments = arguments;
        Findings = [];
    }

    public UploadRejectedException(IReadOnlyList<Finding> findings, string detail)
        : base($"{findings[0].Code}: {detail}")
    {
        Code = findings[0].Code;
        Detail = detail;
        Arguments = [];
        Findings = findings;
    }

    public string Code { get; }

    public string Detail { get; }

    public IReadOnlyList<object> Arguments { get; }

    public IReadOnlyList<Finding> Findings { get; }
}
