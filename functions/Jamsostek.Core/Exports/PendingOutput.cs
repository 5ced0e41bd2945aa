using System.Buffers;

namespace Jamsostek.Core.Exports;

/// <summary>
/// Bytes a table writer has produced and not yet handed to the caller's stream. Writers fill it synchronously;
/// once it holds <see cref="DrainThreshold"/> bytes, the row's returned task hands them to the stream, so it stays
/// near that size (plus the largest row) however many rows go through.
/// </summary>
internal sealed class PendingOutput(Stream destination)
{
    internal const int DrainThreshold = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _bytes = new(DrainThreshold * 2);

    public IBufferWriter<byte> Writer => _bytes;

    public ValueTask DrainWhenFullAsync(CancellationToken cancellationToken) =>
        _bytes.WrittenCount >= DrainThreshold ? DrainAsync(cancellationToken) : ValueTask.CompletedTask;

    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (_bytes.WrittenCount == 0)
        {
            return;
        }
        await destination.WriteAsync(_bytes.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _bytes.ResetWrittenCount();
    }

    public static void ThrowIfNotWritable(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream must be writable.", nameof(output));
        }
    }
}
