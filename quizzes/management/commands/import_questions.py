from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.models import QuestionCategory
from quizzes.services.bank import ImportFailed, guess_format, import_file


class Command(BaseCommand):
    help = "Imports questions from a Moodle XML or GIFT file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--format", choices=["xml", "gift"], default=None)
        parser.add_argument("--category", type=int, default=None,
                            help="id of the category to import under")
        parser.add_argument("--language", default="")

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        into = None
        if options["category"]:
            into = QuestionCategory.objects.filter(pk=options["category"]).first()
            if into is None:
                raise CommandError(f"No category with id {options['category']}")
        try:
            created = import_file(content=path.read_bytes(),
                                  fmt=options["format"] or guess_format(path.name),
                                  into=into, language=options["language"])
        except ImportFailed as exc:
            for line, problem in exc.problems:
                self.stderr.write(f"{path.name}:{line}: {problem}")
            raise CommandError("Nothing was imported.") from exc
        self.stdout.write(f"Imported {len(created)} questions.")
