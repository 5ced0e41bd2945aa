namespace Jamsostek.Core.Text;

/// <summary>The non-empty lines of a JSON-lines buffer (staged chunks, report parts), without copying them.</summary>
public static class JsonLines
{
    public static IEnumerable<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> content)
    {
        var rest = content;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (!line.Span.Trim((byte)' ').Trim((byte)'\r').IsEmpty)
            {
                yield return line;
            }
        }
    }
}
