using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;

namespace Jamsostek.Core.Findings;

/// <summary>
/// Puts findings into words. The templates live in one resource file per language, FindingText.resx (Bahasa
/// Indonesia) and FindingText.en.resx (English), with named placeholders ("{column}") for the message's arguments;
/// "{{" and "}}" stand for braces. Dates, numbers and amounts are formatted for the reader's language. The same
/// files hold the few words the digest names a rejection reason with.
/// </summary>
public static class FindingText
{
    private static readonly ResourceManager Resources = new("Jamsostek.Core.Findings.FindingText", typeof(FindingText).Assembly);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Indonesian = new(() => Load(CultureInfo.InvariantCulture));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> English = new(() => Load(CultureInfo.GetCultureInfo("en")));

    public static string Render(Finding finding, Language language) => Render(finding.Message, language);

    public static string Render(FindingMessage message, Language language)
    {
        var template = Templates(language).GetValueOrDefault(message.Key)
            ?? throw new KeyNotFoundException($"No {language} template for finding message {message.Key}.");
        return Fill(template, message, language);
    }

    /// <summary>A rejection reason in a few words (the digest's list of top reasons); the code itself for one without.</summary>
    public static string Reason(string code, Language language) => Templates(language).GetValueOrDefault(ReasonPrefix + code) ?? code;

    /// <summary>The start of the keys of <see cref="Reason"/>'s words.</summary>
    public const string ReasonPrefix = "Reason.";

    /// <summary>Every template of <paramref name="language"/> by key, without falling back to the other language.</summary>
    public static IReadOnlyDictionary<string, string> Templates(Language language) => (language == Language.En ? English : Indonesian).Value;

    /// <summary>The placeholder names of a template, in order of appearance.</summary>
    public static IEnumerable<string> Placeholders(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] is '{' or '}' && i + 1 < template.Length && template[i + 1] == template[i])
            {
                i++;
            }
            else if (template[i] == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"Unclosed placeholder in \"{template}\".");
                }
                yield return template[(i + 1)..end];
                i = end;
            }
        }
    }

    private static string Fill(string template, FindingMessage message, Language language)
    {
        var text = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c is '{' or '}' && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                var name = end < 0 ? template[(i + 1)..] : template[(i + 1)..end];
                var argument = message.Arguments.FirstOrDefault(a => a.Name == name)
                    ?? throw new FormatException($"Finding message {message.Key} has no argument {{{name}}}.");
                text.Append(Format(argument, language));
                i = end < 0 ? template.Length : end;
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    private static string Format(FindingArgument argument, Language language) => argument.Kind switch
    {
        ArgumentKind.Number => UserFormat.Number(decimal.Parse(argument.Value, CultureInfo.InvariantCulture), language, Decimals(argument.Value)),
        ArgumentKind.Date => UserFormat.Date(DateOnly.ParseExact(argument.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), language),
        ArgumentKind.Rupiah => UserFormat.Rupiah(decimal.Parse(argument.Value, CultureInfo.InvariantCulture), language),
        ArgumentKind.List => string.Join(argument.Value, (argument.Items ?? []).Select(item => Render(item, language))),
        _ => argument.Value,
    };

    private static int Decimals(string invariant) =>
        invariant.IndexOf('.', StringComparison.Ordinal) is var point and >= 0 ? invariant.AsSpan(point + 1).TrimEnd('0').Length : 0;

    // Read once per language, without the resource manager's fallback, so a key missing in English is found by the
    // tests instead of showing Bahasa Indonesia to an English reader.
    private static IReadOnlyDictionary<string, string> Load(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"The finding messages for culture \"{culture.Name}\" are missing.");
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            templates[(string)entry.Key] = (string)entry.Value!;
        }
        return templates;
    }
}
