using System.ComponentModel.DataAnnotations;

namespace AfterSales.Host.Surveys;

/// <summary><c>POST /api/surveys/{token}</c>, as the document describes it; SurveyEndpoints reads it with FieldReader.</summary>
internal sealed record SurveyAnswerRequest
{
    [Range(1, 5)] public required int Rating { get; init; }
    [MaxLength(2000)] public string? Comment { get; init; }
    public bool? WouldRecommend { get; init; }
}
