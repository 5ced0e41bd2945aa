using Jamsostek.Packaging;

// jamsostek-packaging transport <StorageQueue|ServiceBus> <publish folder> [--queue <name>]... [--connection <setting>]
if (args.Length < 3 || args[0] != "transport" || !Enum.TryParse<QueueTransport>(args[1], ignoreCase: true, out var transport))
{
    Console.Error.WriteLine("usage: Jamsostek.Packaging transport <StorageQueue|ServiceBus> <function app folder> [--queue <name>]... [--connection <setting>]");
    return 2;
}

var queues = new List<string>();
var connection = TransportSwitch.DefaultServiceBusConnection;
for (var i = 3; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--queue" when i + 1 < args.Length:
            queues.Add(args[++i]);
            break;
        case "--connection" when i + 1 < args.Length:
            connection = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

try
{
    var changed = TransportSwitch.Apply(args[2], transport, queues.Count > 0 ? queues : null, connection);
    Console.WriteLine(changed.Count == 0
        ? $"{transport}: function.json files kept as declared."
        : $"{transport}: {string.Join(", ", changed)} now bound to Service Bus through {connection}.");
    return 0;
}
catch (Exception ex) when (ex is TransportSwitchException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
