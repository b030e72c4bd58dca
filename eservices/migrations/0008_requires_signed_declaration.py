from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0007_admin_in_vietnamese"),
    ]

    operations = [
        migrations.AddField(
            model_name="onlineservice",
            name="requires_signed_declaration",
            field=models.BooleanField(
                default=False,
                help_text="Công dân phải ký số tờ khai bằng chữ ký số từ xa (mã OTP qua SMS) trước khi nộp hồ sơ.",
                verbose_name="Yêu cầu tờ khai ký số",
            ),
        ),
    ]
