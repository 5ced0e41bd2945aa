namespace Jamsostek.Ingestion.Tests.Infrastructure;

/// <summary>
/// The peak resident set (VmHWM) of the handler child process on Linux: reset through <c>/proc/{pid}/clear_refs</c>
/// when measuring starts, read from <c>/proc/{pid}/status</c> at the end. Elsewhere nothing is measured.
/// </summary>
public sealed class HandlerMemory
{
    private readonly int _processId;
    private readonly bool _measuring;

    private HandlerMemory(int processId, bool measuring)
    {
        _processId = processId;
        _measuring = measuring;
    }

    public static HandlerMemory StartMeasuring(int processId)
    {
        try
        {
            // "5" resets the peak resident set size to the current one (Linux 4.0 and later).
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
            return new HandlerMemory(processId, true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new HandlerMemory(processId, false);
        }
    }

    /// <summary>The peak since measuring started, in bytes; null when it cannot be measured here.</summary>
    public long? PeakBytes()
    {
        if (!_measuring)
        {
            return null;
        }
        try
        {
            var line = File.ReadLines($"/proc/{_processId}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // The handler restarted (another process) or /proc is not there.
        }
    }
}
