using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Jamsostek.Functions.CustomHandler;

/// <summary>
/// An invocation whose one large binding (a blob, base64 in <c>Data</c>) is decoded straight from the request
/// stream into a temporary file, so a 50 MB upload never exists as a 67 MB string. Everything else in the
/// request is read as usual into <see cref="Request"/>.
/// </summary>
public sealed class StreamedInvocation : IAsyncDisposable
{
    private StreamedInvocation(InvocationRequest request, FileStream content, long length, bool truncated)
    {
        Request = request;
        Content = content;
        Length = length;
        Truncated = truncated;
    }

    public InvocationRequest Request { get; }

    /// <summary>The decoded bytes, seekable, deleted when disposed. Holds at most the limit's bytes.</summary>
    public FileStream Content { get; }

    /// <summary>The decoded length, counting bytes past the limit that were not kept.</summary>
    public long Length { get; }

    /// <summary>The content was longer than the limit; <see cref="Content"/> holds only its start.</summary>
    public bool Truncated { get; }

    public static async Task<StreamedInvocation> ReadAsync(Stream body, string binding, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jamsostek-{Guid.NewGuid():N}.tmp");
        var content = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var parser = new Parser(body, binding, content, maxBytes);
            await parser.ParseAsync(cancellationToken);
            await content.FlushAsync(cancellationToken);
            content.Position = 0;
            return new StreamedInvocation(new InvocationRequest(parser.Data, parser.Metadata), content, parser.DecodedLength, parser.DecodedLength > maxBytes);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <summary>
    /// Just enough JSON to walk <c>{"Data": {...}, "Metadata": {...}}</c>: values other than the streamed one are
    /// captured as raw bytes and parsed by System.Text.Json; the streamed string is base64-decoded in chunks.
    /// </summary>
    private sealed class Parser(Stream body, string binding, Stream content, long maxBytes)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _position;
        private int _length;

        public Dictionary<string, JsonElement> Data { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, JsonElement> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);

        public long DecodedLength { get; private set; }

        public async Task ParseAsync(CancellationToken cancellationToken)
        {
            await ExpectAsync((byte)'{', cancellationToken);
            await ReadMembersAsync(async name =>
            {
                if (name.Equals("Data", StringComparison.OrdinalIgnoreCase))
                {
                    await ReadDataAsync(cancellationToken);
                }
                else if (name.Equals("Metadata", StringComparison.OrdinalIgnoreCase))
                {
                    await ExpectAsync((byte)'{', cancellationToken);
                    await ReadMembersAsync(async key => Metadata[key] = await CaptureAsync(cancellationToken), cancellationToken);
                }
                else
                {
                    await CaptureAsync(cancellationToken);
                }
            }, cancellationToken);
        }

        private async Task ReadDataAsync(CancellationToken cancellationToken)
        {
            await ExpectAsync((byte)'{', cancellationToken);
            await ReadMembersAsync(async name =>
            {
                if (name.Equals(binding, StringComparison.OrdinalIgnoreCase) && await PeekAsync(cancellationToken) == '"')
                {
                    await DecodeBase64Async(cancellationToken);
                    Data[name] = JsonDocument.Parse("\"\"").RootElement.Clone();
                }
                else
                {
                    Data[name] = await CaptureAsync(cancellationToken);
                }
            }, cancellationToken);
        }

        /// <summary>Reads <c>"name": value, ...}</c> after an opening brace, handing each name to <paramref name="member"/>.</summary>
        private async Task ReadMembersAsync(Func<string, Task> member, CancellationToken cancellationToken)
        {
            if (await PeekAsync(cancellationToken) == '}')
            {
                _position++;
                return;
            }
            while (true)
            {
                var nameElement = await CaptureAsync(cancellationToken);
                if (nameElement.ValueKind != JsonValueKind.String)
                {
                    throw Malformed("a property name");
                }
                await ExpectAsync((byte)':', cancellationToken);
                await member(nameElement.GetString()!);
                var next = await ReadNonSpaceAsync(cancellationToken);
                if (next == '}')
                {
                    return;
                }
                if (next != ',')
                {
                    throw Malformed("',' or '}'");
                }
            }
        }

        private async Task DecodeBase64Async(CancellationToken cancellationToken)
        {
            await ExpectAsync((byte)'"', cancellationToken);
            var pending = ArrayPool<byte>.Shared.Rent(1 << 16);
            var decoded = ArrayPool<byte>.Shared.Rent(3 * (1 << 14) + 3);
            var count = 0;
            try
            {
                while (true)
                {
                    var b = await ReadByteAsync(cancellationToken);
                    if (b == '"')
                    {
                        break;
                    }
                    if (b == '\\')
                    {
                        b = await ReadEscapedAsync(cancellationToken);
                        if (b < 0)
                        {
                            continue; // An escaped line break in wrapped base64.
                        }
                    }
                    pending[count++] = (byte)b;
                    if (count == 1 << 16)
                    {
                        count = await FlushBase64Async(pending, count, decoded, isFinal: false, cancellationToken);
                    }
                }
                await FlushBase64Async(pending, count, decoded, isFinal: true, cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(pending);
                ArrayPool<byte>.Shared.Return(decoded);
            }
        }

        private async Task<int> FlushBase64Async(byte[] pending, int count, byte[] decoded, bool isFinal, CancellationToken cancellationToken)
        {
            var status = Base64.DecodeFromUtf8(pending.AsSpan(0, count), decoded, out var consumed, out var written, isFinal);
            if (status == OperationStatus.InvalidData || (isFinal && status != OperationStatus.Done))
            {
                throw new InvocationPayloadException(binding, "the content is not valid base64");
            }
            var keep = (int)Math.Max(0, Math.Min(written, maxBytes + 1 - DecodedLength));
            if (keep > 0)
            {
                await content.WriteAsync(decoded.AsMemory(0, keep), cancellationToken);
            }
            DecodedLength += written;
            var rest = count - consumed;
            pending.AsSpan(consumed, rest).CopyTo(pending);
            return rest;
        }

        /// <summary>The byte an escape stands for inside base64 text (<c>\/</c>, <c>\u002B</c>), or -1 for an escaped line break.</summary>
        private async Task<int> ReadEscapedAsync(CancellationToken cancellationToken)
        {
            var c = await ReadByteAsync(cancellationToken);
            switch (c)
            {
                case '/':
                case '\\':
                case '"':
                    return c;
                case 'n':
                case 'r':
                    return -1;
                case 'u':
                    var hex = new byte[4];
                    for (var i = 0; i < 4; i++)
                    {
                        hex[i] = (byte)await ReadByteAsync(cancellationToken);
                    }
                    var code = Convert.ToInt32(Encoding.ASCII.GetString(hex), 16);
                    return code < 0x80 ? code : throw new InvocationPayloadException(binding, "the content is not valid base64");
                default:
                    throw new InvocationPayloadException(binding, "the content is not valid base64");
            }
        }

        /// <summary>Reads one JSON value (after white space) and returns it parsed.</summary>
        private async Task<JsonElement> CaptureAsync(CancellationToken cancellationToken)
        {
            var raw = new ArrayBufferWriter<byte>();
            var first = await ReadNonSpaceAsync(cancellationToken);
            raw.Write([(byte)first]);
            if (first == '"')
            {
                await CaptureStringRestAsync(raw, cancellationToken);
            }
            else if (first is '{' or '[')
            {
                var depth = 1;
                while (depth > 0)
                {
                    var b = await ReadByteAsync(cancellationToken);
                    raw.Write([(byte)b]);
                    if (b == '"')
                    {
                        await CaptureStringRestAsync(raw, cancellationToken);
                    }
                    else if (b is '{' or '[')
                    {
                        depth++;
                    }
                    else if (b is '}' or ']')
                    {
                        depth--;
                    }
                }
            }
            else
            {
                while (await PeekAsync(cancellationToken) is var next && next is not (',' or '}' or ']' or ' ' or '\t' or '\r' or '\n'))
                {
                    raw.Write([(byte)await ReadByteAsync(cancellationToken)]);
                }
            }
            try
            {
                using var document = JsonDocument.Parse(raw.WrittenMemory);
                return document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new BadHttpRequestException($"The invocation request is not valid JSON: {ex.Message}", StatusCodes.Status400BadRequest, ex);
            }
        }

        private async Task CaptureStringRestAsync(ArrayBufferWriter<byte> raw, CancellationToken cancellationToken)
        {
            while (true)
            {
                var b = await ReadByteAsync(cancellationToken);
                raw.Write([(byte)b]);
                if (b == '\\')
                {
                    raw.Write([(byte)await ReadByteAsync(cancellationToken)]);
                }
                else if (b == '"')
                {
                    return;
                }
            }
        }

        private async Task ExpectAsync(byte expected, CancellationToken cancellationToken)
        {
            if (await ReadNonSpaceAsync(cancellationToken) != expected)
            {
                throw Malformed($"'{(char)expected}'");
            }
        }

        private async Task<int> ReadNonSpaceAsync(CancellationToken cancellationToken)
        {
            int b;
            do
            {
                b = await ReadByteAsync(cancellationToken);
            }
            while (b is ' ' or '\t' or '\r' or '\n');
            return b;
        }

        private async Task<int> PeekAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                if (_position == _length && !await FillAsync(cancellationToken))
                {
                    return -1;
                }
                var b = _buffer[_position];
                if (b is not (byte)' ' and not (byte)'\t' and not (byte)'\r' and not (byte)'\n')
                {
                    return b;
                }
                _position++;
            }
        }

        private async ValueTask<int> ReadByteAsync(CancellationToken cancellationToken)
        {
            if (_position == _length && !await FillAsync(cancellationToken))
            {
                throw Malformed("more data (the request ended early)");
            }
            return _buffer[_position++];
        }

        private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
        {
            _length = await body.ReadAsync(_buffer, cancellationToken);
            _position = 0;
            return _length > 0;
        }

        private static BadHttpRequestException Malformed(string expected) =>
            new($"The invocation request is not valid JSON: expected {expected}.", StatusCodes.Status400BadRequest);
    }
}
