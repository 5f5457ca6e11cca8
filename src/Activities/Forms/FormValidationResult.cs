namespace AfterSales.Activities.Forms;

/// <summary>The outcome of validating a form's data: valid exactly when there are no errors.</summary>
public sealed record FormValidationResult(bool IsValid, IReadOnlyList<FormError> Errors);

/// <summary>
/// One thing wrong with a form. <paramref name="Field"/> is the path of the field, e.g. <c>customer</c> or
/// <c>items[0].qty</c>, and empty for the form as a whole; <paramref name="Message"/> says what is wrong in plain
/// English, to be shown next to that field, e.g. "is required".
/// </summary>
public sealed record FormError(string Field, string Message);
