namespace AfterSales.Host.Http;

/// <summary>The bounds of every paged list: a page far past the end must be a 400, not an offset that overflows into a 500.</summary>
internal static class Paging
{
    /// <summary>Adds the errors of <paramref name="page"/> and <paramref name="pageSize"/> to <paramref name="errors"/>.</summary>
    public static void Check(Dictionary<string, string[]> errors, int page, int pageSize, int maxPageSize)
    {
        if (pageSize is < 1 || pageSize > maxPageSize)
        {
            errors["pageSize"] = [$"must be from 1 to {maxPageSize}"];
            pageSize = maxPageSize;
        }
        // The rows skipped, (page - 1) × pageSize, must fit the int the queries page with.
        var maxPage = int.MaxValue / pageSize;
        if (page < 1 || page > maxPage) errors["page"] = [$"must be from 1 to {maxPage}"];
    }
}
