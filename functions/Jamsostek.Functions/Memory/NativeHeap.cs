using System.Runtime.InteropServices;

namespace Jamsostek.Functions.Memory;

/// <summary>
/// Returns the C library's free heap pages to the system (glibc's <c>malloc_trim</c>): native buffers of the
/// decompressor, sockets and TLS freed after a large upload otherwise stay resident in glibc's arenas.
/// Does nothing where there is no glibc.
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable;

    public static void Trim()
    {
        if (_unavailable || !OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true; // musl (Alpine) has no malloc_trim
        }
    }

    // DllImport rather than LibraryImport: a blittable signature needs no marshalling code, and no unsafe code in the app.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
#pragma warning restore SYSLIB1054
}
