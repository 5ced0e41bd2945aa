using System.Runtime.InteropServices;

namespace Jamsostek.Benchmarks;

/// <summary>The machine the figures came from: processors, memory, CPU model, and how busy it was.</summary>
public sealed record Machine(int Processors, long MemoryMb, string CpuModel, string Os, string Runtime, string LoadAverageAtStart)
{
    public static Machine Current() => new(
        Environment.ProcessorCount,
        ReadMeminfoMb("MemTotal:"),
        ReadCpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage());

    /// <summary>The 1, 5 and 15-minute load averages (/proc/loadavg): other work on the machine shows here.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static string ReadCpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? ""
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static long ReadMeminfoMb(string field) =>
        File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Replace("kB", "").Trim(),
                System.Globalization.CultureInfo.InvariantCulture) / 1024
            : 0;
}
