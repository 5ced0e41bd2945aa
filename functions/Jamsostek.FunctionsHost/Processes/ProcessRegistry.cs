using System.Collections.Concurrent;

namespace Jamsostek.FunctionsHost.Processes;

/// <summary>
/// Every child still running when this process exits is killed, even when the exit skips the normal
/// shutdown (an unhandled exception, a test runner tearing down).
/// </summary>
internal static class ProcessRegistry
{
    private static readonly ConcurrentDictionary<ChildProcess, byte> Children = new();

    static ProcessRegistry() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Track(ChildProcess child) => Children.TryAdd(child, 0);

    public static void Forget(ChildProcess child) => Children.TryRemove(child, out _);

    private static void KillAll()
    {
        foreach (var child in Children.Keys)
        {
            child.Kill();
        }
    }
}
