using System.Text.Json.Nodes;
using AfterSales.Cases.Surveys;
using AfterSales.Workflows;
using AfterSales.Workflows.Expressions;

namespace AfterSales.Activities.Surveys;

/// <summary>
/// <c>{{ surveyLink }}</c> in a template renders as <see cref="SurveyRequested.LinkPlaceholder"/>, i.e. unchanged, so
/// the survey mail keeps the place of the link for the outbox to fill once it has made the token.
/// </summary>
internal sealed class SurveyLinkGlobal : IWorkflowGlobal
{
    public string Name => "surveyLink";

    public JsonNode? Resolve(WorkflowInstance instance) => JsonValue.Create(SurveyRequested.LinkPlaceholder);
}
