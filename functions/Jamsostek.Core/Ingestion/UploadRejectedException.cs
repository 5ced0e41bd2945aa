using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// The file cannot be used at all: the upload is rejected with a file-level code (FILE_*, HEADER_*,
/// REGION_MISMATCH). <see cref="Detail"/> is for operators (English, no personal data); what the office reads is
/// made from <see cref="Code"/> and <see cref="Arguments"/>, or is in <see cref="Findings"/> when the check that
/// rejected the file wrote its own findings (header checks, region mismatch).
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

    /// <param name="language">The language of <see cref="Findings"/>.</param>
    /// <param name="findings">The findings, with their messages in the language asked for.</param>
    /// <param name="detail">For operators: English, no personal data.</param>
    public UploadRejectedException(Language language, Func<Language, IReadOnlyList<Finding>> findings, string detail)
        : this(findings(language), detail)
    {
        _localized = findings;
    }

    private UploadRejectedException(IReadOnlyList<Finding> findings, string detail)
        : base($"{findings[0].Code}: {detail}")
    {
        Code = findings[0].Code;
        Detail = detail;
        Arguments = [];
        Findings = findings;
    }

    private readonly Func<Language, IReadOnlyList<Finding>>? _localized;

    public string Code { get; }

    public string Detail { get; }

    public IReadOnlyList<object> Arguments { get; }

    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The findings with their messages in <paramref name="language"/> (the record keeps both languages).</summary>
    public IReadOnlyList<Finding> FindingsIn(Language language) => _localized?.Invoke(language) ?? Findings;
}
