using Jamsostek.Core.Digest;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>
/// What one run shares between its recipients: the figures source, the SMTP session, the charts already rendered
/// (one per region and language), the counts for <see cref="DigestRunResult"/>, and whether SMTP is down.
/// </summary>
internal sealed class DigestRunState(DigestFiguresSource figures, SmtpSession smtp)
{
    private readonly Dictionary<(string Region, Language Language), byte[]> _charts = [];
    private readonly Dictionary<(string Region, Language Language), byte[]> _complianceCharts = [];

    public DigestFiguresSource Figures { get; } = figures;

    public SmtpSession Smtp { get; } = smtp;

    public int Sent { get; set; }

    public int Failed { get; set; }

    public int AlreadySent { get; set; }

    public int InFlight { get; set; }

    public int GaveUp { get; set; }

    /// <summary>Why SMTP cannot be reached, once a send found out; the rest of the run records failures without trying.</summary>
    public string? SmtpDown { get; set; }

    /// <summary>The digest's charts as PNG, rendered once per region and language (the compliance chart null when the digest has none).</summary>
    public (byte[] Coverage, byte[]? Compliance) ChartsOf(DigestRecipient recipient, DigestMessage digest)
    {
        var key = (recipient.Region, recipient.Language);
        if (!_charts.TryGetValue(key, out var coverage))
        {
            _charts[key] = coverage = DigestChart.RenderPng(digest.Chart, number => UserFormat.Number(number, recipient.Language));
        }
        byte[]? compliance = null;
        if (digest.ComplianceChart is { } complianceChart && !_complianceCharts.TryGetValue(key, out compliance))
        {
            _complianceCharts[key] = compliance = DigestChart.RenderOwedPng(complianceChart, amount => UserFormat.CompactRupiah(amount, recipient.Language));
        }
        return (coverage, compliance);
    }
}
