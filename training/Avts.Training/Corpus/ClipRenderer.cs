using System.Globalization;
using Avts.Engine.Media;

namespace Avts.Training.Corpus;

/// <summary>
/// Renders one planned clip: builds its scene, adds the nuisances, writes the soundtrack as WAV and pipes the
/// frames to ffmpeg. Files appear under their final names only when complete (written as .partial, then moved),
/// with a sidecar <c>clip_NNNNNN.json</c> holding the manifest line, so an interrupted run can resume.
/// </summary>
public static class ClipRenderer
{
    /// <summary>Builds the scene for <paramref name="plan"/>; avatar clips take speech from <paramref name="speech"/> when given.</summary>
    /// <returns>The scene plus the speech file and offset it used (null for synthetic audio).</returns>
    public static async Task<(IClipScene Scene, string? SpeechFile, double? SpeechOffset)> CreateSceneAsync(
        ClipPlan plan, SpeechLibrary? speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // Separate generators for content and nuisances, so turning a nuisance off does not change the content.
        var random = new Random(plan.Seed);
        switch (plan.Kind)
        {
            case ClipKind.Avatar when speech is not null:
                var (samples, file, offset) = await speech.LoadAsync(plan, cancellationToken).ConfigureAwait(false);
                return (new AvatarScene(plan, samples, random), file, offset);
            case ClipKind.Avatar:
                return (new AvatarScene(plan, SyllableSynth.Generate(random, plan.SampleRate, plan.SampleCount), random), null, null);
            case ClipKind.Bounce:
                return (new BounceScene(plan, random), null, null);
            default:
                return (new FlashScene(plan, random), null, null);
        }
    }

    /// <summary>Renders <paramref name="plan"/> into <paramref name="directory"/> and returns its manifest entry.</summary>
    /// <exception cref="MediaInputException">ffmpeg failed, or a speech file could not be decoded.</exception>
    public static async Task<ManifestEntry> RenderAsync(
        ClipPlan plan, string directory, SpeechLibrary? speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (scene, speechFile, speechOffset) = await CreateSceneAsync(plan, speech, cancellationToken).ConfigureAwait(false);
        var nuisanceRandom = new Random(plan.Seed ^ 0x5EED);

        var audio = (float[])scene.Audio.Clone();
        if (plan.AudioNoise > 0)
        {
            for (var i = 0; i < audio.Length; i++)
            {
                audio[i] += (float)(plan.AudioNoise * Math.Sqrt(3) * ((2 * nuisanceRandom.NextDouble()) - 1));
            }
        }

        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = Math.Clamp(audio[i], -1f, 1f);
        }

        var finalPath = Path.Combine(directory, plan.FileName);
        var stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(plan.FileName));
        var wavPath = stem + ".partial.wav";
        var videoPartial = stem + ".partial.mp4";
        try
        {
            WavWriter.WriteMonoFloat(wavPath, audio, plan.SampleRate);
            var background = new ClutterBackground(plan.Width, plan.Height, plan.ClutterCount, nuisanceRandom);
            using var nuisance = new PictureNuisance(plan.Width, plan.Height, plan.BlurSigma, plan.PictureNoise, nuisanceRandom);
            await RawVideoEncoder.EncodeAsync(
                plan,
                wavPath,
                videoPartial,
                (canvas, frame) =>
                {
                    background.Draw(canvas, plan.TimeOf(frame));
                    scene.Draw(canvas, frame);
                    nuisance.Apply(canvas);
                },
                cancellationToken).ConfigureAwait(false);

            var entry = new ManifestEntry
            {
                File = plan.FileName,
                Kind = plan.Kind.ToString().ToLowerInvariant(),
                Fps = Math.Round(plan.Fps, 3),
                FpsRational = string.Create(CultureInfo.InvariantCulture, $"{plan.FpsNumerator}/{plan.FpsDenominator}"),
                SampleRate = plan.SampleRate,
                Width = plan.Width,
                Height = plan.Height,
                DurationSeconds = Math.Round(plan.TimeOf(plan.FrameCount), 6),
                Seed = plan.Seed,
                EventFrames = scene.EventFrames,
                Nuisances = string.Create(
                    CultureInfo.InvariantCulture,
                    $"audio_noise={plan.AudioNoise:0.####} picture_noise={plan.PictureNoise:0.##} blur={plan.BlurSigma:0.##} crf={plan.Crf} clutter={plan.ClutterCount}"),
                Speech = speechFile,
                SpeechOffsetSeconds = speechOffset,
            };
            File.Move(videoPartial, finalPath, overwrite: true);
            await File.WriteAllTextAsync(stem + ".json", entry.ToJson() + "\n", cancellationToken).ConfigureAwait(false);
            return entry;
        }
        finally
        {
            File.Delete(wavPath);
            File.Delete(videoPartial);
        }
    }
}
