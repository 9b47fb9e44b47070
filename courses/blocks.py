"""StreamField blocks a lesson body is written with."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .webvtt import MAX_BYTES, cue_count

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"))
    title = blocks.CharBlock(label=_("title"), max_length=200)
    transcript = blocks.RichTextBlock(
        label=_("transcript"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


# What <video> and <audio> play in current browsers, by file extension.
MEDIA_TYPES = {
    "video": {"mp4": "video/mp4", "webm": "video/webm"},
    "audio": {"mp3": "audio/mpeg", "m4a": "audio/mp4", "ogg": "audio/ogg", "wav": "audio/wav"},
}


class MediaFileBlock(blocks.StructBlock):
    """A video or audio file of the organisation's own, with captions (WCAG 2.1 AA 1.2.2).

    A video needs WebVTT captions and an audio needs captions or a transcript (1.2.1): the
    editor cannot publish a lesson that leaves deaf employees out.
    """

    kind = blocks.ChoiceBlock(
        label=_("kind"), choices=[("video", _("Video")), ("audio", _("Audio"))], default="video"
    )
    title = blocks.CharBlock(label=_("title"), max_length=200)
    media = DocumentChooserBlock(
        label=_("media file"), help_text=_("MP4 or WebM video; MP3, M4A, OGG or WAV audio.")
    )
    captions = DocumentChooserBlock(
        label=_("captions (WebVTT)"),
        required=False,
        help_text=_("A .vtt file with the spoken words and important sounds."),
    )
    captions_language = blocks.ChoiceBlock(
        label=_("language of the captions"),
        choices=[("cs", "Čeština"), ("en", "English")],
        default="cs",
    )
    transcript = blocks.RichTextBlock(
        label=_("transcript"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "media"
        label = _("Video or audio file")
        template = "courses/blocks/media_file.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        media, captions = value.get("media"), value.get("captions")
        allowed = MEDIA_TYPES[value.get("kind") or "video"]
        if media and media.file_extension.lower() not in allowed:
            errors["media"] = _("This file type cannot be played here; use %(types)s.") % {
                "types": ", ".join(sorted(allowed))
            }
        if captions:
            problem = _captions_problem(captions)
            if problem:
                errors["captions"] = problem
        elif value.get("kind") == "video":
            errors["captions"] = _("A video needs captions (WCAG 2.1, 1.2.2).")
        elif not value.get("transcript") or not value["transcript"].source.strip():
            errors["transcript"] = _("An audio needs captions or a transcript (WCAG 2.1, 1.2.1).")
        if errors:
            raise StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in errors.items()}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        media = value.get("media")
        extension = media.file_extension.lower() if media else ""
        context["mime_type"] = MEDIA_TYPES.get(value.get("kind"), {}).get(extension, "")
        return context


def _captions_problem(document) -> str | None:
    if document.file_extension.lower() != "vtt":
        return _("Captions must be a WebVTT file (.vtt).")
    try:
        with document.file.open("rb") as handle:
            cue_count(handle.read(MAX_BYTES + 1))
    except (OSError, ValueError) as error:
        return str(error)
    return None


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning")), ("info", _("Information"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout / tip")
        template = "courses/blocks/callout.html"


def _labelled_point() -> blocks.CharBlock:
    # Wagtail draws a list's items without a <label>: the input names itself (axe: label).
    # Set on the widget, not as a constructor argument, so the migrations see the same block.
    block = blocks.CharBlock(label=_("point"), max_length=500)
    block.field.widget.attrs["aria-label"] = _("point")
    return block


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    points = blocks.ListBlock(_labelled_point(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "courses/blocks/key_points.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "courses/blocks/document.html"


class KnowledgeCheckChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=500)
    correct = blocks.BooleanBlock(label=_("right answer"), required=False)
    feedback = blocks.CharBlock(
        label=_("feedback"),
        required=False,
        max_length=1000,
        help_text=_("Shown when the employee picks this answer."),
    )


class KnowledgeCheckBlock(blocks.StructBlock):
    """An ungraded question inside a lesson, answered with immediate feedback.

    It carries its own question, not one of a quiz bank: quizzes sit above courses, and a
    knowledge check never counts toward the grade. Answers are kept for item analysis.
    """

    question = blocks.CharBlock(label=_("question"), max_length=1000)
    multiple = blocks.BooleanBlock(
        label=_("several right answers"),
        required=False,
        help_text=_("Check boxes instead of one choice; right means exactly the right ones."),
    )
    choices = blocks.ListBlock(KnowledgeCheckChoiceBlock(), label=_("answers"), min_num=2)

    class Meta:
        icon = "help"
        label = _("Knowledge check")
        template = "courses/blocks/knowledge_check.html"

    def clean(self, value):
        value = super().clean(value)
        right = [c for c in value["choices"] if c["correct"]]
        if not right or (not value["multiple"] and len(right) > 1):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "choices": ValidationError(
                        _("Mark one right answer (several if “several right answers” is on).")
                    )
                }
            )
        return value


class LessonBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    video = VideoBlock()
    media_file = MediaFileBlock()
    callout = CalloutBlock()
    key_points = KeyPointsBlock()
    document = DocumentBlock()
    knowledge_check = KnowledgeCheckBlock()
