from common.files import download_name, private_file_response  # noqa: F401  (temporary re-export for records/)
