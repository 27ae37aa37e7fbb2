from infitah.forum.demo.content import load

__all__ = ["load"]
