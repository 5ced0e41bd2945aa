using System.Globalization;

namespace Jamsostek.Benchmarks;

/// <summary>
/// The worker's working set over a run, as an operator watching the instance would see it: idle before the first
/// upload, the peak while uploads ran, and what is still held once they are done (sampled for a while after the
/// last upload is final, so memory given back late, by a trim or a collection, shows). Linux only: read from
/// <c>/proc/{pid}/status</c> (VmRSS, and RssAnon: the part the GC can give back, as against mapped files).
/// </summary>
public static class WorkerMemory
{
    /// <summary>How long the worker is left alone after the host has started before its idle working set is read.</summary>
    public static readonly TimeSpan IdleSettle = TimeSpan.FromSeconds(5);

    /// <summary>Interval of the samples after the last upload.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(5);

    /// <summary>One reading: resident set and its anonymous part, in bytes.</summary>
    public readonly record struct Reading(long ResidentBytes, long AnonymousBytes)
    {
        public double ResidentMb => ResidentBytes / 1024d / 1024d;

        public double AnonymousMb => AnonymousBytes / 1024d / 1024d;
    }

    /// <summary>The working set now; null when it cannot be read (not Linux, the process gone).</summary>
    public static Reading? Read(int processId)
    {
        try
        {
            long? rss = null, anon = null;
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line, "VmRSS:");
                }
                else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                {
                    anon = Kilobytes(line, "RssAnon:");
                }
            }
            return rss is { } r ? new Reading(r, anon ?? 0) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The idle working set: read once the worker has been left alone for <see cref="IdleSettle"/>.</summary>
    public static async Task<Reading?> IdleAsync(int processId)
    {
        await Task.Delay(IdleSettle);
        return Read(processId);
    }

    /// <summary>
    /// Samples the working set every <see cref="SampleInterval"/> from now (the last upload just final) for
    /// <paramref name="duration"/>; the first sample is taken at once, the last at <paramref name="duration"/>.
    /// </summary>
    public static async Task<List<(double Seconds, Reading Reading)>> SampleAfterAsync(int processId, TimeSpan duration)
    {
        var samples = new List<(double, Reading)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var at = TimeSpan.Zero; ; at += SampleInterval)
        {
            if (at > duration)
            {
                at = duration;
            }
            var wait = at - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            if (Read(processId) is { } reading)
            {
                samples.Add((Math.Round(clock.Elapsed.TotalSeconds, 1), reading));
            }
            if (at >= duration)
            {
                return samples;
            }
        }
    }

    private static long Kilobytes(string line, string field) =>
        long.Parse(line[field.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
}

/// <summary>
/// The worker's working set over one part of a run (the pipeline's uploads, or the simulation): idle before its first
/// upload, the peak (VmHWM) while its uploads ran, and the samples after its last upload was final.
/// </summary>
public sealed record MemoryFigures(
    WorkerMemory.Reading? Idle,
    double? PeakMb,
    IReadOnlyList<(double Seconds, WorkerMemory.Reading Reading)> After,
    int AfterSeconds)
{
    /// <summary>The last sample after the uploads (at <see cref="AfterSeconds"/>).</summary>
    public WorkerMemory.Reading? AfterLast => After.Count == 0 ? null : After[^1].Reading;

    /// <summary>The first sample, taken as the last upload became final.</summary>
    public WorkerMemory.Reading? AtFinal => After.Count == 0 ? null : After[0].Reading;
}
