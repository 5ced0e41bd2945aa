using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Tests.Findings;

/// <summary>A finding's message as a reader sees it, so tests can assert the words.</summary>
internal static class RenderedFinding
{
    public static string Text(this Finding finding, Language language = Language.Id) => FindingText.Render(finding, language);
}
