using System.Text.Json.Nodes;
using AfterSales.Activities.Forms;
using AfterSales.Cases.Tasks;
using AfterSales.Workflows;

namespace AfterSales.Activities.HumanTasks;

/// <summary>
/// A task in a role's inbox. Suspends on a <c>HumanTask</c> bookmark whose payload says who, what, which form
/// and which outcomes; completing the task resumes it with <c>{outcome, form, user}</c> and the outcome
/// chosen is the branch taken. An outcome the task does not offer is refused and nothing moves.
/// The due time is information for the inbox and escalations, not a timer: the task does not end by itself.
/// A task that names a form (one of the <see cref="FormCatalog"/>'s) takes only valid data of that form.
/// <see cref="TaskCompletionCheck"/> decides what a completion may carry; an accepted one emits
/// <see cref="TaskCompleted"/>.
/// </summary>
[Activity("HumanTask", "Human tasks", "Asks a person in a role to do something and choose an outcome.", DisplayName = "Human task")]
public sealed class HumanTask(FormCatalog forms) : IResumableActivity, IDynamicOutcomes
{
    public const string BookmarkName = HumanTaskPayload.BookmarkName;

    [Input("The role whose inbox receives the task, e.g. aftersales.", Required = true)]
    public Input<string> Role { get; set; } = null!;

    [Input("A user to assign it to; anyone in the role when empty.")]
    public Input<string?>? User { get; set; }

    [Input("The task's title; Liquid templates read variables.", Required = true)]
    public Input<string> Title { get; set; } = null!;

    [Input("The form to fill, e.g. ReturnTrackingForm: the task is completed only with valid data of it.")]
    public Input<string?>? Form { get; set; }

    [Input("The outcomes the person chooses from: each is a branch.", DefaultJson = """["Done"]""", UIHint = "list")]
    public Input<string[]> Outcomes { get; set; } = null!;

    [Input("Outcomes that need a reason: the form data must then carry a non-empty 'reason' (e.g. Reject).", UIHint = "list")]
    public Input<string[]>? ReasonRequiredFor { get; set; }

    [Input("How long the person has, from when the task is created.", UIHint = "duration")]
    public Input<TimeSpan?>? DueIn { get; set; }

    [Output("The outcome chosen.")]
    public Output<string> Outcome { get; set; } = null!;

    [Output("The form data submitted.")]
    public Output<JsonNode?> FormData { get; set; } = null!;

    [Output("Who completed it.")]
    public Output<string?> CompletedBy { get; set; } = null!;

    public IReadOnlyList<string>? GetOutcomes() => Outcomes.IsLiteral ? Outcomes.LiteralValue : null;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var outcomes = context.Get(Outcomes);
        var dueIn = context.Get(DueIn, null);
        var form = context.Get(Form, null);
        // A task nobody could complete would wait forever: better an incident now, naming the form.
        if (form is not null && !forms.Names.Contains(form))
            throw new InvalidOperationException($"'{form}' is not a known form; the forms are: {string.Join(", ", forms.Names)}");
        var payload = new HumanTaskPayload(context.Get(Role), context.Get(User, null), context.Get(Title), form, outcomes,
            dueIn is { } d ? context.Now + d : null, context.Get(ReasonRequiredFor, []) ?? []);
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkName, context.CorrelationId, Payload: payload.ToJson())));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume)
    {
        // Checked whole before anything is set: a malformed payload is refused, it must not fault the instance and use up the task.
        var done = TaskCompletionCheck.Check(HumanTaskPayload.Read(resume.Bookmark.Payload), resume.Payload, forms);
        context.Set(Outcome, done.Outcome);
        context.Set(FormData, done.Form?.DeepClone());
        context.Set(CompletedBy, done.User);
        // The task store records the completion from this effect: the journal keeps only the start of a long form.
        context.Emit(new TaskCompleted(resume.Bookmark.Id, done.Outcome, done.Form?.DeepClone(), done.Reason, done.User,
            context.Now));
        return ValueTask.FromResult(ActivityResult.Outcome(done.Outcome));
    }
}
