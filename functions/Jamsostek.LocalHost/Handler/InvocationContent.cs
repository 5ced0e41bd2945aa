using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Jamsostek.LocalHost.Handler;

/// <summary>Writes <c>{"Data": ..., "Metadata": ...}</c> to the request stream, base64-encoding streamed data chunk by chunk.</summary>
internal sealed class InvocationContent(InvocationPayload payload) : HttpContent
{
    private const int ChunkSize = 3 * 64 * 1024; // A multiple of 3: base64 segments join without padding.

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WritePropertyName("Data");
        writer.WriteStartObject();
        foreach (var (name, value) in payload.Data)
        {
            writer.WritePropertyName(name);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }
        if (payload.StreamedData is { } streamed)
        {
            writer.WritePropertyName(streamed.Name);
            await using var source = await streamed.OpenAsync(cancellationToken);
            if (streamed.AsText)
            {
                using var reader = new StreamReader(source, Encoding.UTF8);
                writer.WriteStringValue(await reader.ReadToEndAsync(cancellationToken));
            }
            else
            {
                await WriteBase64Async(writer, source, cancellationToken);
            }
        }
        writer.WriteEndObject();
        writer.WritePropertyName("Metadata");
        payload.Metadata.WriteTo(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private static async Task WriteBase64Async(Utf8JsonWriter writer, Stream source, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var filled = 0;
            while (true)
            {
                var read = await source.ReadAsync(buffer.AsMemory(filled, ChunkSize - filled), cancellationToken);
                if (read == 0)
                {
                    writer.WriteBase64StringSegment(buffer.AsSpan(0, filled), isFinalSegment: true);
                    return;
                }
                filled += read;
                if (filled == ChunkSize)
                {
                    writer.WriteBase64StringSegment(buffer.AsSpan(0, filled), isFinalSegment: false);
                    filled = 0;
                    // Keep the writer's own buffer from growing with the blob.
                    await writer.FlushAsync(cancellationToken);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
