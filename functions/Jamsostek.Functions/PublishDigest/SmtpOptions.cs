namespace Jamsostek.Functions.PublishDigest;

public enum SmtpSecurity
{
    /// <summary>Plain SMTP (MailDev locally).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587; Azure Communication Services).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// How digests leave: settings <c>Smtp__Host</c>, <c>Smtp__Port</c>, <c>Smtp__Security</c> (None, StartTls,
/// SslOnConnect), <c>Smtp__UserName</c>, <c>Smtp__Password</c>, <c>Smtp__SenderAddress</c>, <c>Smtp__SenderName</c>,
/// <c>Smtp__TimeoutSeconds</c>. In Azure: the Communication Services SMTP relay (smtp.azurecomm.net, 587, StartTls).
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Empty: no authentication (MailDev).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address; with Azure Communication Services, a MailFrom address of a verified domain.</summary>
    public string? SenderAddress { get; set; }

    public string SenderName { get; set; } = "Ringkasan Kepesertaan Jamsostek";

    /// <summary>How long one connect, login or send may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Settings <c>Digest__...</c>; the schedule itself is the <c>DigestSchedule</c> setting PublishDigest's timer names.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Attempts per recipient and week before the run stops retrying (the entry stays failed for the operator).</summary>
    public int MaxAttempts { get; set; } = 24;

    /// <summary>A claim older than this with no outcome belongs to a run that died: the next run takes it over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>"Agreements lapsing within" this many days.</summary>
    public int LapsingWithinDays { get; set; } = 60;

    /// <summary>A recipient's first digest lists uploads of this many days back (later ones: since the previous digest).</summary>
    public int FirstDigestUploadDays { get; set; } = 7;
}
