from django.core.management.base import BaseCommand, CommandError

from quizzes.models import QuestionCategory
from quizzes.services.bank import export_questions, questions_in


class Command(BaseCommand):
    help = "Exports questions (of a category and below, or all) as Moodle XML or GIFT."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["xml", "gift"], default="xml")
        parser.add_argument("--category", type=int, default=None)
        parser.add_argument("--output", default="-")

    def handle(self, *args, **options):
        category = None
        if options["category"]:
            category = QuestionCategory.objects.filter(pk=options["category"]).first()
            if category is None:
                raise CommandError(f"No category with id {options['category']}")
        text = export_questions(questions=questions_in(category), fmt=options["format"])
        if options["output"] == "-":
            self.stdout.write(text, ending="")
        else:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
