using System.Collections.Frozen;

namespace Jamsostek.Functions.Portal;

/// <summary>
/// The office portal (function Portal, route <c>{*path}</c>, GET, anonymous): a page and its few assets, embedded
/// in the app so the published folder carries them. The page holds no data; everything it shows comes from the
/// API with the office's key. Anything but the page's own files is a 404.
/// </summary>
public static class PortalEndpoints
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Files = Load();

    internal static IResult Serve(string? path, HttpContext context)
    {
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!Files.TryGetValue(name, out var file))
        {
            return TypedResults.NotFound();
        }
        var headers = context.Response.Headers;
        // Scripts and styles from the page's own origin only: no inline script, nothing from elsewhere.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(file.Content, file.ContentType);
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(PortalEndpoints).Assembly;
        const string prefix = "portal/";
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToFrozenDictionary(
            n => n[prefix.Length..],
            n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return (buffer.ToArray(), ContentTypeOf(n));
            },
            StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
