using Microsoft.AspNetCore.Http.Headers;

namespace AfterSales.Host.Surveys;

/// <summary>The two languages of the survey page.</summary>
internal enum SurveyLanguage { Chinese, English }

internal static class SurveyLanguages
{
    /// <summary>
    /// The page's language: the switch's <c>?lang=</c> first, else the browser's preferred one of Chinese and English
    /// (<c>Accept-Language</c> by quality), else Chinese, the customers' usual language.
    /// </summary>
    public static SurveyLanguage Choose(string? lang, RequestHeaders headers)
    {
        if (Parse(lang) is { } chosen) return chosen;
        var preferred = headers.AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Parse(l.Value.Value))
            .FirstOrDefault(l => l is not null);
        return preferred ?? SurveyLanguage.Chinese;
    }

    private static SurveyLanguage? Parse(string? tag) =>
        Is(tag, "zh") ? SurveyLanguage.Chinese : Is(tag, "en") ? SurveyLanguage.English : null;

    // "zh", "zh-CN", "zh-Hans-CN" … any case.
    private static bool Is(string? tag, string language) => tag is not null
        && (tag.Equals(language, StringComparison.OrdinalIgnoreCase)
            || tag.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase));
}
