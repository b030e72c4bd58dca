"""Delete drafts nobody touched for DRAFT_RETENTION_DAYS, with their files (records.purge). Beat runs it nightly
(``records.tasks.purge_abandoned_drafts``); ``--dry-run`` counts without deleting."""

from django.core.management.base import BaseCommand

from records.purge import purge_abandoned_drafts


class Command(BaseCommand):
    help = "Xóa các bản nháp hồ sơ không ai động đến quá DRAFT_RETENTION_DAYS ngày, cùng các tệp của chúng."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xóa.")

    def handle(self, *args, dry_run=False, **options):
        result = purge_abandoned_drafts(dry_run=dry_run)
        verb = "Sẽ xóa" if dry_run else "Đã xóa"
        self.stdout.write(
            f"{verb} {result.drafts} bản nháp và {result.files} tệp; giữ lại {result.kept} bản nháp có thanh toán "
            "hoặc lịch hẹn."
        )
