using System.Diagnostics;
using Jamsostek.FunctionsHost.Processes;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.DevServices;

/// <summary>
/// Azurite (blob, queue, table) and MailDev (SMTP sink with a web UI), run from the repository's pinned npm
/// packages (installed with `npm ci` when missing). A service already running on its ports is reused; a port
/// taken by something else is an error that names the port. Disposing stops what was started here.
/// </summary>
public sealed class DevServices : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // The well-known Azurite development key, public by design.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly List<ChildProcess> _started = [];
    private readonly DevServicesOptions _options;

    private DevServices(DevServicesOptions options) => _options = options;

    public string StorageConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_options.BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{_options.QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{_options.TablePort}/{AccountName};";

    public int SmtpPort => _options.SmtpPort;

    public Uri MailDevWebAddress => new($"http://127.0.0.1:{_options.MailDevWebPort}/");

    /// <summary>Whether this instance started Azurite (false when one was already running).</summary>
    public bool StartedAzurite { get; private set; }

    public bool StartedMailDev { get; private set; }

    /// <summary>Ports that are free now, for a test fixture that must not meet a developer's running services.</summary>
    public static DevServicesOptions OnFreePorts(string repositoryRoot, bool startMailDev = true) => new()
    {
        RepositoryRoot = repositoryRoot,
        BlobPort = PortProbe.FreePort(),
        QueuePort = PortProbe.FreePort(),
        TablePort = PortProbe.FreePort(),
        SmtpPort = PortProbe.FreePort(),
        MailDevWebPort = PortProbe.FreePort(),
        StartMailDev = startMailDev,
    };

    /// <summary>
    /// Dev services of their own, for a test fixture or the benchmark, on ports free when probed. Test assemblies run
    /// in parallel, so another fixture may take one of those ports before this Azurite or MailDev listens on it: then
    /// it starts again on new ports, a few times, before the error is reported.
    /// </summary>
    public static async Task<DevServices> StartOnFreePortsAsync(string repositoryRoot, bool startMailDev, ILogger logger, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(OnFreePorts(repositoryRoot, startMailDev), logger, cancellationToken);
            }
            catch (DevServiceException ex) when (attempt < FreePortAttempts)
            {
                DevServicesLog.PortsRetried(logger, attempt, ex.Message);
            }
        }
    }

    private const int FreePortAttempts = 4;

    /// <summary>The ports and settings these services were started with.</summary>
    public DevServicesOptions Options => _options;

    public static async Task<DevServices> StartAsync(DevServicesOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var services = new DevServices(options);
        try
        {
            await services.StartAzuriteAsync(logger, cancellationToken);
            if (options.StartMailDev)
            {
                await services.StartMailDevAsync(logger, cancellationToken);
            }
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _started)
        {
            await child.DisposeAsync();
        }
        _started.Clear();
    }

    private async Task StartAzuriteAsync(ILogger logger, CancellationToken cancellationToken)
    {
        int[] ports = [_options.BlobPort, _options.QueuePort, _options.TablePort];
        var listening = new List<int>();
        foreach (var port in ports)
        {
            if (await PortProbe.IsListeningAsync(port, cancellationToken))
            {
                listening.Add(port);
            }
        }
        if (listening.Count == ports.Length && await IsAzuriteAsync(cancellationToken))
        {
            DevServicesLog.Reusing(logger, "Azurite", _options.BlobPort);
            return;
        }
        if (listening.Count > 0)
        {
            throw new DevServiceException(
                $"Port {listening[0]} is in use by another program, so Azurite cannot start (it needs {string.Join(", ", ports)}). " +
                "Stop that program, or point AzureWebJobsStorage at a storage account you run yourself.");
        }
        var script = await NodePackages.EnsureInstalledAsync(_options.RepositoryRoot, "azurite/dist/src/azurite.js", logger, cancellationToken);
        List<string> arguments =
        [
            script,
            "--blobHost", "127.0.0.1", "--blobPort", Port(_options.BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(_options.QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(_options.TablePort),
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        ];
        if (_options.AzuriteLocation is { } location)
        {
            Directory.CreateDirectory(location);
            arguments.AddRange(["--location", location]);
        }
        else
        {
            arguments.Add("--inMemoryPersistence");
        }
        var child = StartNode("azurite", arguments, logger);
        await WaitForPortsAsync(child, "Azurite", ports, cancellationToken);
        StartedAzurite = true;
        DevServicesLog.Started(logger, "Azurite", _options.BlobPort);
    }

    private async Task StartMailDevAsync(ILogger logger, CancellationToken cancellationToken)
    {
        int[] ports = [_options.SmtpPort, _options.MailDevWebPort];
        var smtpListening = await PortProbe.IsListeningAsync(_options.SmtpPort, cancellationToken);
        var webListening = await PortProbe.IsListeningAsync(_options.MailDevWebPort, cancellationToken);
        if (smtpListening && webListening && await IsMailDevAsync(cancellationToken))
        {
            DevServicesLog.Reusing(logger, "MailDev", _options.SmtpPort);
            return;
        }
        if (smtpListening || webListening)
        {
            var port = smtpListening ? _options.SmtpPort : _options.MailDevWebPort;
            throw new DevServiceException(
                $"Port {port} is in use by another program, so MailDev cannot start (it needs SMTP {_options.SmtpPort} and web {_options.MailDevWebPort}). Stop that program first.");
        }
        var script = await NodePackages.EnsureInstalledAsync(_options.RepositoryRoot, "maildev/dist/bin/maildev.js", logger, cancellationToken);
        var child = StartNode("maildev", [script,
            "--smtp", Port(_options.SmtpPort), "--ip", "127.0.0.1",
            "--web", Port(_options.MailDevWebPort), "--web-ip", "127.0.0.1",
            "--silent"], logger);
        await WaitForPortsAsync(child, "MailDev", ports, cancellationToken);
        StartedMailDev = true;
        DevServicesLog.Started(logger, "MailDev", _options.SmtpPort);
    }

    private ChildProcess StartNode(string name, IEnumerable<string> arguments, ILogger logger)
    {
        var child = ChildProcess.Start(name, NodePackages.Node, arguments, _options.RepositoryRoot,
            new Dictionary<string, string>(), output => DevServicesLog.Output(logger, output.Source, output.Line));
        _started.Add(child);
        return child;
    }

    private async Task WaitForPortsAsync(ChildProcess child, string name, int[] ports, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (!await PortProbe.IsListeningAsync(port, cancellationToken))
            {
                if (child.HasExited)
                {
                    throw new DevServiceException($"{name} exited while starting. Its last output:{Environment.NewLine}{child.RecentOutput}");
                }
                if (stopwatch.Elapsed > _options.StartupTimeout)
                {
                    throw new DevServiceException($"{name} did not listen on port {port} within {_options.StartupTimeout.TotalSeconds:0} s.");
                }
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task<bool> IsAzuriteAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{_options.BlobPort}/{AccountName}?comp=list", cancellationToken);
            return response.Headers.Server.ToString().Contains("Azurite", StringComparison.OrdinalIgnoreCase);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<bool> IsMailDevAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(MailDevWebAddress, "api/healthz"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
