using System.Text.Json.Nodes;
using AfterSales.Activities.Forms;
using AfterSales.Cases.Tasks;
using AfterSales.Workflows;

namespace AfterSales.Activities.HumanTasks;

/// <summary>
/// The one check of what a human task is completed with, run by <see cref="HumanTask"/> on every resume so that every
/// route (the task endpoint, the instance API, a test) gets the same answer. The payload is
/// <c>{outcome, form, user}</c>: the outcome is one the task offers; the user, when given, is text; when the task names a form, the form is valid
/// data of it; when the outcome needs a reason, the form carries a non-empty <c>reason</c>. The first rule broken
/// refuses the completion with <see cref="InvalidResumePayloadException"/>, its fields named by JSON path
/// (<c>outcome</c>, <c>user</c>, <c>form</c>, <c>form.items[0].qty</c>, <c>form.reason</c>).
/// </summary>
public static class TaskCompletionCheck
{
    /// <summary>The accepted completion; otherwise throws, naming every field of the rule broken.</summary>
    public static TaskCompletion Check(HumanTaskPayload task, JsonNode? payload, FormCatalog forms)
    {
        var completion = payload as JsonObject;
        var offered = string.Join(", ", task.Outcomes);
        if (!(completion?["outcome"] is JsonValue o && o.TryGetValue<string>(out var outcome)))
            throw Refused("outcome", $"is required: one of {offered}");
        if (!task.Outcomes.Contains(outcome))
            throw Refused("outcome", $"'{outcome}' is not offered by this task (it offers {offered})");
        string? user = null;
        if (completion["user"] is { } u && !(u is JsonValue uv && uv.TryGetValue(out user)))
            throw Refused("user", "must be the user name as text");
        var form = completion["form"];
        if (task.Form is { } formName) CheckForm(formName, form, forms);
        var reason = Reason(form);
        if (task.NeedsReason(outcome) && reason is null)
            throw Refused("form.reason", $"is required when the outcome is {outcome}");
        return new TaskCompletion(outcome, form, reason, user);
    }

    /// <summary>The form's <c>reason</c>: its text when it has a non-blank one, else null.</summary>
    private static string? Reason(JsonNode? form) =>
        form is JsonObject o && o["reason"] is JsonValue v && v.TryGetValue<string>(out var reason)
            && !string.IsNullOrWhiteSpace(reason) ? reason : null;

    private static void CheckForm(string formName, JsonNode? data, FormCatalog forms)
    {
        if (data is null) throw Refused("form", $"is required: fill in the {formName}");
        var result = forms.Validate(formName, data);
        if (result.IsValid) return;
        // Field and Message keep the first field and the whole list, as a single-field caller shows them; Errors
        // gives each field its own messages, as the task endpoint answers them.
        var first = Path(result.Errors[0]);
        var message = string.Join("; ",
            result.Errors.Select(e => e.Field.Length == 0 ? e.Message : $"{e.Field} {e.Message}"));
        throw new InvalidResumePayloadException(first, message)
        {
            Errors = result.Errors.GroupBy(Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        };
    }

    private static string Path(FormError error) => error.Field.Length == 0 ? "form" : "form." + error.Field;

    private static InvalidResumePayloadException Refused(string field, string message) => new(field, message);
}

/// <summary>A completion <see cref="TaskCompletionCheck"/> accepted; <see cref="Form"/> is the payload's node.</summary>
public sealed record TaskCompletion(string Outcome, JsonNode? Form, string? Reason, string? User);
