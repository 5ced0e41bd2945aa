using System.Globalization;

namespace Jamsostek.TestData;

/// <summary>
/// The peak resident set (VmHWM) of a process (the worker, or the host itself) on Linux: reset through <c>/proc/{pid}/clear_refs</c>
/// when measuring starts (the resident set then, VmRSS, is the baseline), read from <c>/proc/{pid}/status</c> at
/// the end. Elsewhere nothing is measured.
/// </summary>
public sealed class ProcessMemory
{
    private readonly int _processId;

    private ProcessMemory(int processId, long baselineBytes)
    {
        _processId = processId;
        BaselineBytes = baselineBytes;
    }

    /// <summary>The resident set when measuring started.</summary>
    public long BaselineBytes { get; }

    /// <summary>Starts measuring; null when the peak cannot be measured here (not Linux, no access).</summary>
    public static ProcessMemory? StartMeasuring(int processId)
    {
        try
        {
            // "5" resets the peak resident set size to the current one (Linux 4.0 and later).
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
            return Read(processId, "VmRSS:") is { } baseline ? new ProcessMemory(processId, baseline) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The peak since measuring started, in bytes; null when the process restarted meanwhile.</summary>
    public long? PeakBytes()
    {
        try
        {
            return Read(_processId, "VmHWM:");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The resident set now (VmRSS) of a process, in bytes; null when it cannot be read here.</summary>
    public static long? CurrentBytes(int processId)
    {
        try
        {
            return Read(processId, "VmRSS:");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long? Read(int processId, string field)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[field.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
    }
}
