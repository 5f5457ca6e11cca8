using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Mail;

/// <summary>
/// Rejects a definition that names a literal mail address not in <see cref="MailRecipientOptions"/>: in the literal
/// recipients (<c>to</c>) of the activities that mail, and in the defaults of list variables, which is where recipient lists
/// passed on by expressions live (<c>variables.secondEscalationTo</c>). An address computed by a script is refused when it
/// runs (<see cref="MailRecipients.Check"/>).
/// </summary>
internal sealed class MailRecipientRule(MailRecipientOptions options) : IWorkflowRule
{
    private static readonly HashSet<string> MailingActivities = ["SendEmail", "Escalate", "SendSurvey"];

    public IEnumerable<ValidationProblem> Check(WorkflowDefinition definition)
    {
        for (var i = 0; i < definition.Variables.Count; i++)
        {
            var v = definition.Variables[i];
            if (v.Type is not ("StringList" or "Array" or "Any")) continue;
            foreach (var problem in AddressProblems(v.Default))
                yield return new ValidationProblem(Severity.Error, null, $"variables[{i}].default", problem);
        }
        foreach (var node in definition.Root.Activities.Where(n => MailingActivities.Contains(n.Type)))
            if (node.Inputs.GetValueOrDefault("to") is { Type: ExpressionSpec.Literal } to)
                foreach (var problem in AddressProblems(to.Value))
                    yield return new ValidationProblem(Severity.Error, node.Id, "to", problem);
    }

    private IEnumerable<string> AddressProblems(JsonNode? value)
    {
        var texts = value switch
        {
            JsonArray array => array.Select(i => i?.GetValueKind() == JsonValueKind.String ? i.GetValue<string>().Trim() : null),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>().Trim()],
            _ => [],
        };
        foreach (var text in texts.OfType<string>().Where(MailRecipients.IsAddress))
            if (MailRecipients.Problem(text, options) is { } problem) yield return problem;
    }
}
