using System.Text.RegularExpressions;
using Jamsostek.Core.Digest;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>Builds digest emails and sends them over SMTP with MailKit, one connection per run.</summary>
public sealed partial class DigestMailer(IOptions<SmtpOptions> options)
{
    public const string DigestHeader = "X-Jamsostek-Digest";

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public SmtpOptions Options => options.Value;

    /// <summary>Null when SMTP is configured well enough to try; otherwise what is missing (the run fails with it).</summary>
    public string? ConfigurationProblem =>
        string.IsNullOrWhiteSpace(Options.Host) ? "Setting Smtp__Host is empty: digests cannot be sent (see README, Weekly digest)."
        : string.IsNullOrWhiteSpace(Options.SenderAddress) || !MailboxAddress.TryParse(Options.SenderAddress, out _)
            ? "Setting Smtp__SenderAddress is empty or not an address: digests cannot be sent."
            : null;

    public SmtpSession OpenSession() => new(Options);

    /// <summary>
    /// The email: text and HTML alternatives, the chart (and the compliance chart, when the digest has one) as an inline
    /// image the HTML shows by Content-ID, the tables as an XLSX attachment. The Message-ID is the same for every
    /// attempt at one recipient's digest of one week, so a mail client that receives a rare duplicate (a run dying
    /// between sending and recording) shows it once.
    /// </summary>
    public MimeMessage Build(DigestRecipient recipient, DigestWeek week, DigestMessage digest, byte[] chartPng, byte[] workbook, DateTimeOffset now,
        byte[]? complianceChartPng = null)
    {
        var message = new MimeMessage
        {
            Subject = digest.Subject,
            Date = now,
            MessageId = MessageIdFor(week, recipient.Id),
        };
        message.From.Add(new MailboxAddress(Options.SenderName, Options.SenderAddress ?? ""));
        message.To.Add(new MailboxAddress(recipient.Name, recipient.Email));
        message.Headers.Add(DigestHeader, $"{week}/{recipient.Id}");
        var body = new BodyBuilder { TextBody = digest.Text, HtmlBody = digest.Html };
        var chart = body.LinkedResources.Add(digest.ChartFileName, chartPng, new ContentType("image", "png"));
        chart.ContentId = digest.ChartContentId;
        if (digest.ComplianceChart is { } complianceChart && complianceChartPng is not null)
        {
            var owed = body.LinkedResources.Add(complianceChart.FileName, complianceChartPng, new ContentType("image", "png"));
            owed.ContentId = complianceChart.ContentId;
        }
        body.Attachments.Add(digest.WorkbookFileName, workbook, ContentType.Parse(XlsxContentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    public string MessageIdFor(DigestWeek week, string recipientId)
    {
        var at = Options.SenderAddress?.LastIndexOf('@') ?? -1;
        var domain = at > 0 ? Options.SenderAddress![(at + 1)..] : "jamsostek.local";
        return $"digest.{week}.{recipientId}@{domain}";
    }

    /// <summary>What the ledger and the logs may keep of a failure: its kind and message with any address taken out.</summary>
    public static string Describe(Exception ex)
    {
        var text = ex switch
        {
            SmtpCommandException command => $"SMTP {(int)command.StatusCode} {command.ErrorCode}: {command.Message}",
            SmtpUnavailableException unavailable => unavailable.Message,
            _ => $"{ex.GetType().Name}: {ex.Message}",
        };
        text = Address().Replace(text, "<alamat>");
        return text.Length > 500 ? text[..500] : text;
    }

    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+")]
    private static partial Regex Address();
}

/// <summary>The SMTP server could not be reached, or refused the connection or the login: no digest of this run can go.</summary>
public sealed class SmtpUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>One SMTP connection, opened on the first send and reopened after a failure.</summary>
public sealed class SmtpSession(SmtpOptions options) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var reused = _client is { IsConnected: true };
        try
        {
            await SendOnceAsync(message, cancellationToken);
        }
        catch (Exception ex) when (reused && IsDroppedConnection(ex) && !cancellationToken.IsCancellationRequested)
        {
            // The connection kept open since the previous digest was closed by the server meanwhile (its idle
            // timeout, a restart, a relay recycling connections; MailKit only learns of it on the next command).
            // That is no reason to fail this official's digest: once more, on a fresh connection. The Message-ID is
            // the same, so a mail client shows a rare duplicate once.
            await SendOnceAsync(message, cancellationToken);
        }
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = await ConnectAsync(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted })
        {
            // The connection may be in any state: start afresh for the next message.
            await DropAsync();
            throw;
        }
    }

    private static bool IsDroppedConnection(Exception ex) => ex is IOException or ServiceNotConnectedException or SmtpProtocolException;

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or MailKit.ServiceNotConnectedException or SmtpProtocolException or OperationCanceledException)
            {
            }
        }
        _client?.Dispose();
        _client = null;
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }
        await DropAsync();
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.TimeoutSeconds).TotalMilliseconds };
        var endpoint = $"{options.Host}:{options.Port}";
        try
        {
            var security = options.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(options.Host ?? "", options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new SmtpUnavailableException($"SMTP server {endpoint} unavailable ({ex.GetType().Name}: {ex.Message})", ex);
        }
        _client = client;
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is not null)
        {
            await DisposeAsync();
        }
    }
}
