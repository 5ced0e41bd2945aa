namespace Jamsostek.Core.Ingestion;

/// <summary>
/// The file cannot be used at all: the upload is rejected with a file-level code (FILE_*, HEADER_*,
/// REGION_MISMATCH). <see cref="Detail"/> is for operators (English, no personal data); what the office reads is
/// made from <see cref="Code"/> and <see cref="Arguments"/>.
/// </summary>
public sealed class UploadRejectedException(string code, string detail, params object[] arguments) : Exception($"{code}: {detail}")
{
    public string Code { get; } = code;

    public string Detail { get; } = detail;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
