using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.DevServices;

internal static partial class DevServicesLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Service} started (port {Port})")]
    public static partial void Started(ILogger logger, string service, int port);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "{Service} already running on port {Port}; using it")]
    public static partial void Reusing(ILogger logger, string service, int port);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Installing Azurite and MailDev with `npm ci` in {Folder}")]
    public static partial void Installing(ILogger logger, string folder);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "[{Service}] {Line}")]
    public static partial void Output(ILogger logger, string service, string line);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Dev services did not start on free ports (attempt {Attempt}: {Reason}); trying new ports")]
    public static partial void PortsRetried(ILogger logger, int attempt, string reason);
}
