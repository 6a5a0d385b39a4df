"""The edition as books: a PDF (WeasyPrint) and an EPUB 3 of each language.

    content.py  the parts of the site's rendered pages a book is made of, in book form
    words.py    the words the books write themselves, in both languages
    pdf.py      the print document and its PDF
    epub.py     the EPUB package
    fonts.py    the text face (Charis SIL), embedded in both

The books take the HTML that the edition's Markdown extension rendered for the site's
pages (the hook hands it over), so their text, notes and emendations are the site's own.
"""
