using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Avts.Web.Qa;

/// <summary>
/// Streams the first file of a multipart upload to disk, counting bytes against the limit (never buffered whole in
/// memory, never past the limit on disk).
/// </summary>
public static class QaUpload
{
    /// <summary>The saved file's name as the client gave it (or null) and a refusal (status, reason) or null.</summary>
    /// <param name="request">The multipart request.</param>
    /// <param name="target">Where to save the file.</param>
    /// <param name="maxBytes">The largest accepted file.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public static async Task<(string? FileName, int Status, string? Error)> SaveAsync(
        HttpRequest request, string target, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            // Kestrel's default cap is 30 MB; the configured limit (plus room for the multipart framing) applies instead.
            sizeFeature.MaxRequestBodySize = maxBytes + (64 * 1024);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, StatusCodes.Status400BadRequest, "send multipart/form-data with one file, or JSON {\"path\": ...}");
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }

            var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "upload");
            var written = await CopyAsync(section.Body, target, maxBytes, cancellationToken);
            if (written > maxBytes)
            {
                File.Delete(target);
                return (fileName, StatusCodes.Status413PayloadTooLarge, $"the file is larger than the upload limit of {maxBytes / (1024 * 1024)} MB (Avts:Qa:MaxUploadBytes)");
            }

            return written == 0
                ? (fileName, StatusCodes.Status400BadRequest, "the uploaded file is empty")
                : (fileName, StatusCodes.Status200OK, null);
        }

        return (null, StatusCodes.Status400BadRequest, "the form has no file part");
    }

    // Stops one byte past the limit, so an oversized upload is recognised without storing it all.
    private static async Task<long> CopyAsync(Stream source, string target, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        await using var output = File.Create(target);
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return total;
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }
}
