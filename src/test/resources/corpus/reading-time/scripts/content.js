const article = document.querySelector('article');
if (article) { const words = article.textContent.split(/\s+/).length; console.log(Math.round(words / 200)); }
