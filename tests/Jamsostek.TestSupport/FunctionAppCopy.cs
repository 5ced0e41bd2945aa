using System.Text.Json.Nodes;

namespace Jamsostek.TestSupport;

/// <summary>
/// A copy of the function app's folder (its build output, or a publish folder) in which host.json makes a failed
/// queue message visible again after one second instead of ten, so tests of retries and crashes wait seconds.
/// </summary>
public static class FunctionAppCopy
{
    public static string WithFastRetries(string source, string purpose)
    {
        var target = Path.Combine(Path.GetTempPath(), $"jamsostek-{purpose}-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            if (OperatingSystem.IsLinux() && Path.GetFileName(file) == "Jamsostek.Functions")
            {
                File.SetUnixFileMode(destination, File.GetUnixFileMode(file));
            }
        }
        var hostJson = Path.Combine(target, "host.json");
        var host = JsonNode.Parse(File.ReadAllText(hostJson))!;
        host["extensions"]!["queues"]!["visibilityTimeout"] = "00:00:01";
        File.WriteAllText(hostJson, host.ToJsonString());
        return target;
    }
}
